import { botText } from '../../../bot/botText';
import { DEMO_PERSONAS } from '../../../dev/demoOrg/personas';
import { type ShownPairReason, wordPairReason } from '../../../shared/matching/reasons';
import { recordDomainEvent } from '../../events/domainEvents';
import type { JobWorker } from '../jobWorker';
import { aPair, aPerson, aSession } from '../../../test/harness/factories';
import { type CardPress, startTeamsConnector, type TeamsConnector } from '../../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../../test/harness/testService';
import { waitFor } from '../../../test/harness/waitFor';

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
/** Enrolled in the same programme, but in the leader's chain: never matched with them. */
const third = DEMO_PERSONAS.juniorInLeadersChain;
const admin = DEMO_PERSONAS.programmeAdmin;

/*
 * Notices the bot sends when something happens to a pair or a programme: a published match, a
 * programme adjusted mid-way, a story drafted and published. Everything goes through real HTTP
 * (the admin's and members' API calls, the bot's /api/messages), the production worker plans and
 * sends, and the Teams connector stand-in records who received what.
 */
describe('the bot’s notices', () => {
  let service: TestService;
  let teams: TeamsConnector;
  let worker: JobWorker;
  let tenantId: string;
  let programmeId: string;
  let pairId: string;
  let now = new Date('2026-03-10T12:00:00Z');
  const everyone: { id: string; name: string }[] = [leader, mentor, third, admin].map((p) => ({ id: p.id, name: `${p.givenName} ${p.surname}` }));

  const db = () => service.database.db;

  /** One activity from a person to the bot; returns the cards it answered with, as JSON text. */
  async function send(userId: string, fields: { text?: string; press?: CardPress }): Promise<string[]> {
    const answer = await teams.chat(service, { tenantId, userId, name: everyone.find((p) => p.id === userId)?.name ?? userId, at: now }, fields);
    expect(answer.status).toBeLessThan(300);
    return answer.cards;
  }

  /** Moves the clock on (so the worker plans again), wakes the worker, and returns what each person received meanwhile. */
  async function deliver(minutes: number, expectedJobs: (keys: string[]) => boolean): Promise<Map<string, string[]>> {
    const before = teams.received.length;
    now = new Date(now.getTime() + minutes * 60_000);
    worker.poke();
    await waitFor('the notices', async () => {
      const done = await db().selectFrom('jobs').select('dedupe_key').where('kind', 'like', 'bot.%').where('done_at', 'is not', null).execute();
      return expectedJobs(done.map((j) => j.dedupe_key));
    });
    // Give a straggler (a notice that should not exist) the chance to show itself.
    worker.poke();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const byPerson = new Map<string, string[]>();
    for (const r of teams.received.slice(before)) {
      const userId = r.conversationId.replace('a:personal-', '');
      byPerson.set(userId, [...(byPerson.get(userId) ?? []), JSON.stringify(r.activity.attachments?.[0]?.content)]);
    }
    return byPerson;
  }
  const jobsDone = (prefix: string, count: number) => (keys: string[]) => keys.filter((k) => k.startsWith(prefix)).length >= count;

  beforeAll(async () => {
    teams = await startTeamsConnector();
    service = await startTestService({ clock: () => now, env: { PUBLIC_BASE_URL: 'https://upward.example.test' } });
    tenantId = service.standIn.tenantId.toLowerCase();
    // Everyone has chatted with the bot, so it could reach each of them.
    for (const p of everyone) await send(p.id, { text: 'help' });

    const created = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Reverse mentoring 2026', startsOn: '2026-03-02', settings: { minSeniorityGap: 2 } } });
    programmeId = created.body.id;
    expect((await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin.id, body: { status: 'open' } })).status).toBe(200);
    const enrol = (userId: string, body: Record<string, unknown>) => service.api('POST', `/api/programmes/${programmeId}/enrolment`, { as: userId, body });
    expect((await enrol(leader.id, { role: 'mentee', learningGoals: ['lived experience'], languages: ['en'], meetingPreference: 'either' })).status).toBe(201);
    expect((await enrol(mentor.id, { role: 'mentor', offers: ['lived experience'], languages: ['en'], meetingPreference: 'either' })).status).toBe(201);
    expect((await enrol(third.id, { role: 'mentor', offers: ['lived experience'], languages: ['en'], meetingPreference: 'either' })).status).toBe(201);
    worker = service.deps.jobs.startWorker('notice-worker');
  });
  afterAll(async () => {
    await worker.stop();
    await service.close();
    await teams.stop();
  });

  it('tells each person of a published match privately, with the partner’s name, job and department and why it scored well, and nobody else', async () => {
    const run = await service.api('POST', `/api/programmes/${programmeId}/matching/runs`, { as: admin.id });
    expect(run.body.proposals).toEqual([expect.objectContaining({ mentor: expect.objectContaining({ userId: mentor.id }), mentee: expect.objectContaining({ userId: leader.id }) })]);
    const reasons = run.body.proposals[0].reasons as ShownPairReason[];
    expect((await service.api('POST', `/api/programmes/${programmeId}/matching/runs/${run.body.id}/publish`, { as: admin.id })).body).toEqual({ published: 1 });
    pairId = (await service.api('GET', '/api/pairs', { as: leader.id })).body.pairs[0].id;

    const received = await deliver(1, jobsDone('pair.proposed:', 2));
    expect([...received.keys()].sort()).toEqual([leader.id, mentor.id].sort());
    expect([received.get(leader.id)!.length, received.get(mentor.id)!.length]).toEqual([1, 1]);
    const toLeader = received.get(leader.id)![0]!;
    const toMentor = received.get(mentor.id)![0]!;
    const mentorPerson = service.standIn.org.people.find((p) => p.user.id === mentor.id)!;
    const leaderPerson = service.standIn.org.people.find((p) => p.user.id === leader.id)!;
    expect(toLeader).toContain('You have been matched with ');
    expect(toLeader).toContain('"text":"Jun Park"');
    expect(toLeader).toContain(`, ${[mentorPerson.user.jobTitle, mentorPerson.user.department].filter(Boolean).join(', ')}.`);
    expect(toLeader).toContain('your reverse mentor');
    for (const reason of reasons) expect(toLeader).toContain(JSON.stringify(`• ${wordPairReason(reason, botText('en'))}`).slice(1, -1));
    expect(toMentor).toContain('"text":"Catherine Adeyemi"');
    expect(toMentor).toContain('They would be your mentee');
    // Never a reporting line: no manager is named in either card.
    for (const person of [mentorPerson, leaderPerson]) {
      const manager = service.standIn.org.people.find((p) => p.user.id === person.managerId);
      if (manager) expect(toLeader + toMentor).not.toContain(manager.user.displayName!);
    }
    for (const card of [toLeader, toMentor]) expect(JSON.parse(card).actions.map((a: { type: string; title: string; verb: string; data: unknown }) => [a.type, a.title, a.verb, a.data])).toEqual([
      ['Action.Execute', 'Accept', 'proposal.answer', { pairId, accept: true, cardId: expect.any(String) }],
      ['Action.Execute', 'Decline (no fault)', 'proposal.answer', { pairId, accept: false, cardId: expect.any(String) }],
    ]);
  });

  it('records Accept through the pair lifecycle and says where things stand: waiting for the partner, then paired with the charter to sign', async () => {
    const [first] = await send(leader.id, { press: { verb: 'proposal.answer', data: { pairId, accept: true } } });
    expect(first).toContain('waiting for your partner to accept');
    expect((await service.api('GET', '/api/pairs', { as: leader.id })).body.pairs[0]).toMatchObject({ status: 'proposed', menteeAccepted: true, mentorAccepted: false });

    const [second] = await send(mentor.id, { press: { verb: 'proposal.answer', data: { pairId, accept: true } } });
    expect(second).toContain('You are paired');
    expect(JSON.parse(second!).actions).toEqual([{ type: 'Action.OpenUrl', title: 'Sign the charter', url: `https://upward.example.test/tab/index.html#/workspace/${pairId}` }]);
    expect((await service.api('GET', '/api/pairs', { as: mentor.id })).body.pairs[0]).toMatchObject({ status: 'accepted' });

    // Answering again is refused by the lifecycle, not recorded twice.
    expect((await send(mentor.id, { press: { verb: 'proposal.answer', data: { pairId, accept: false } } }))[0]).toContain('That change is not possible now');
    expect((await service.api('GET', '/api/pairs', { as: mentor.id })).body.pairs[0]).toMatchObject({ status: 'accepted' });
  });

  it('records a Decline as no-fault, ends the proposal and tells nobody else; a proposal already answered is not sent', async () => {
    const londoners = service.standIn.org.people.filter((p) => p.mailboxSettings.timeZone === 'GMT Standard Time' && !everyone.some((e) => e.id === p.user.id)).slice(0, 2);
    expect(londoners).toHaveLength(2);
    const [x, y] = await Promise.all(londoners.map((p) => aPerson(db(), tenantId, { userId: p.user.id!, displayName: p.user.displayName!, department: 'Finance', jobTitle: 'Analyst' })));
    for (const id of [x!, y!]) await send(id, { text: 'help' });
    const pair = await aPair(db(), tenantId, { status: 'proposed', mentorUserId: x, menteeUserId: y });
    await recordDomainEvent(db(), { tenantId, kind: 'pair.proposed', subjectId: pair.id, payload: { programmeId: pair.programme_id }, at: now });
    // y accepts (from an earlier card) before this notice goes out: only x still has a proposal to answer.
    expect((await send(y!, { press: { verb: 'proposal.answer', data: { pairId: pair.id, accept: true } } }))[0]).toContain('waiting for your partner');

    const received = await deliver(1, jobsDone('pair.proposed:', 4));
    expect([...received.keys()]).toEqual([x]);
    expect(received.get(x!)![0]).toContain('Analyst, Finance.');
    expect(received.get(x!)![0]).not.toContain('Why this match');

    const [answer] = await send(x!, { press: { verb: 'proposal.answer', data: { pairId: pair.id, accept: false } } });
    expect(answer).toContain('Declined, with no fault');
    expect(answer).toContain('Nobody is at fault and nobody is told why');
    expect(await db().selectFrom('pairs').select(['status', 'end_reason']).where('id', '=', pair.id).executeTakeFirstOrThrow()).toEqual({ status: 'ended', end_reason: 'declined' });
  });

  it('keeps a match notice for a person the bot cannot reach yet, and sends it once they have the app', async () => {
    const [w, z] = service.standIn.org.people.filter((p) => p.mailboxSettings.timeZone === 'GMT Standard Time' && !everyone.some((e) => e.id === p.user.id)).slice(2, 4).map((p) => p.user.id!);
    await send(w!, { text: 'help' });
    const pair = await aPair(db(), tenantId, { status: 'proposed', mentorUserId: w, menteeUserId: z });
    await recordDomainEvent(db(), { tenantId, kind: 'pair.proposed', subjectId: pair.id, payload: { programmeId: pair.programme_id }, at: now });

    const proposalTo = (userId: string) => (keys: string[]) => keys.some((k) => k.startsWith('pair.proposed:') && k.endsWith(`:${userId}`));
    const first = await deliver(1, proposalTo(w!));
    expect([...first.keys()]).toEqual([w]);
    const waiting = await db().selectFrom('jobs').select(['done_at', 'run_at']).where('dedupe_key', 'like', `pair.proposed:%:${z}`).executeTakeFirstOrThrow();
    expect(waiting.done_at).toBeNull();
    expect(waiting.run_at > now).toBe(true);

    // The installation reached them: Teams told the bot, which stored their chat.
    await send(z!, { text: 'help' });
    const later = await deliver(11, proposalTo(z!));
    expect([...later.keys()]).toEqual([z]);
    expect(later.get(z!)).toEqual([expect.stringContaining('You have been matched with ')]);
  });

  it('tells everyone enrolled what changed in the programme, with the value it has now, once each, and nobody else', async () => {
    const patched = await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin.id, body: { settings: { cadenceDays: 21 } } });
    expect(patched.status).toBe(200);
    const event = await db().selectFrom('domain_events').select('payload').where('kind', '=', 'programme.adjusted').executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ programmeId, changed: ['settings.cadenceDays'] });

    const received = await deliver(1, jobsDone('programme.adjusted:', 3));
    expect([...received.keys()].sort()).toEqual([leader.id, mentor.id, third.id].sort());
    for (const cards of received.values()) {
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('The programme now meets every 21 days.');
      expect(cards[0]).toContain('https://upward.example.test/tab/index.html#/guides');
    }
    // Planning again schedules nothing new.
    expect((await deliver(1, () => true)).size).toBe(0);
    expect(await db().selectFrom('jobs').select('id').where('kind', '=', 'bot.programme-adjusted').execute()).toHaveLength(3);
  });

  it('asks the partner to read a drafted story once it settles, without its text, and tells both when it is published', async () => {
    const draft = (userId: string, text: string, version?: number) => service.api('PUT', `/api/pairs/${pairId}/story`, { as: userId, body: { text, ...(version === undefined ? {} : { version }) } });
    expect((await draft(mentor.id, 'Catherine now asks juniors first.')).status).toBe(200);
    // Two quick edits: the partner hears once, of the text it settled on.
    expect((await draft(mentor.id, 'Catherine now asks juniors first, every meeting.', 0)).status).toBe(200);
    const drafted = await deliver(11, jobsDone('story-drafted:', 2));
    expect([...drafted.keys()]).toEqual([leader.id]);
    expect(drafted.get(leader.id)).toHaveLength(1);
    const [toLeader] = drafted.get(leader.id)!;
    expect(toLeader).toContain('Your story was edited');
    expect(toLeader).toContain('"text":"Jun Park"');
    expect(toLeader).toContain(`#/workspace/${pairId}`);
    expect(toLeader).not.toContain('juniors first');

    for (const userId of [leader.id, mentor.id]) {
      expect((await service.api('POST', `/api/pairs/${pairId}/story/consent`, { as: userId, body: { version: 1, consent: true } })).status).toBe(200);
    }
    const published = await deliver(1, jobsDone('story.published:', 2));
    expect([...published.keys()].sort()).toEqual([leader.id, mentor.id].sort());
    for (const cards of published.values()) {
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('Your story is published');
      expect(cards[0]).not.toContain('juniors first');
    }
  });

  it('holds a programme notice made at the weekend until each person’s working week begins', async () => {
    now = new Date('2026-03-14T12:00:00Z');
    expect((await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin.id, body: { settings: { sessionMinutes: 45 } } })).status).toBe(200);
    const before = teams.received.length;
    now = new Date('2026-03-14T12:01:00Z');
    worker.poke();
    const held = await waitFor('three deferred notices', async () => {
      const jobs = await db().selectFrom('jobs').select(['run_at', 'done_at']).where('kind', '=', 'bot.programme-adjusted').where('run_at', '>', now).execute();
      return jobs.length === 3 ? jobs : null;
    });
    for (const job of held) {
      expect(job.done_at).toBeNull();
      expect(job.run_at.toISOString() >= '2026-03-16T08:00:00.000Z' && job.run_at.toISOString() <= '2026-03-16T09:30:00.000Z').toBe(true);
    }
    expect(teams.received.length).toBe(before);

    now = new Date('2026-03-16T09:30:00Z');
    const received = await deliver(1, jobsDone('programme.adjusted:', 6));
    expect([...received.keys()].sort()).toEqual([leader.id, mentor.id, third.id].sort());
    // Days have passed: the accepted pair's people also get their first training module (journeyNudges.test.ts); the notice comes once.
    for (const cards of received.values()) expect(cards.filter((c) => !c.includes('A short module for this stage'))).toEqual([expect.stringContaining('Sessions now last 45 minutes.')]);
  });

  it('tells both people when a booked room declined: where the session moved, or that they choose another time or place', async () => {
    const moved = await aSession(db(), tenantId, { pairId, startsAt: new Date('2026-03-20T14:00:00Z') });
    const stranded = await aSession(db(), tenantId, { pairId, startsAt: new Date('2026-03-23T14:00:00Z') });
    const declinedRoom = 'ldn-kx-1-hazel@upwarddemo.onmicrosoft.com';
    // What the room check records (server/jobs/booking/roomCheck.ts).
    await recordDomainEvent(db(), { tenantId, kind: 'session.room-declined', subjectId: pairId, payload: { sessionId: moved.id, declinedRoom, movedTo: { ref: 'ams-1-tulip@upwarddemo.onmicrosoft.com', displayName: 'Tulip (Amstel Tower)' } }, at: now });
    await recordDomainEvent(db(), { tenantId, kind: 'session.room-declined', subjectId: pairId, payload: { sessionId: stranded.id, declinedRoom, movedTo: null }, at: now });

    const received = await deliver(1, jobsDone('session.room-declined:', 4));
    expect([...received.keys()].sort()).toEqual([leader.id, mentor.id].sort());
    for (const cards of received.values()) {
      expect(cards).toHaveLength(2);
      const [toMoved, toStranded] = [cards.find((c) => c.includes('Tulip'))!, cards.find((c) => !c.includes('Tulip'))!];
      expect(toMoved).toContain('The room for your session declined');
      expect(toMoved).toContain('moved the session to another neutral room');
      expect(toStranded).toContain('No other neutral room is free at that time');
      expect(toStranded).toContain(`#/workspace/${pairId}`);
    }
    // A cancelled session's notice is not sent: nothing to do about its room any more.
    const cancelled = await aSession(db(), tenantId, { pairId, startsAt: new Date('2026-03-24T14:00:00Z'), status: 'cancelled' });
    await recordDomainEvent(db(), { tenantId, kind: 'session.room-declined', subjectId: pairId, payload: { sessionId: cancelled.id, declinedRoom, movedTo: null }, at: now });
    expect((await deliver(1, jobsDone('session.room-declined:', 6))).size).toBe(0);
  });

  it('tells both people, each in their own language, when an admin pauses, resumes or ends their pair, without a reason or who asked, and nobody else', async () => {
    const [x, y] = service.standIn.org.people.filter((p) => p.mailboxSettings.timeZone === 'GMT Standard Time' && !everyone.some((e) => e.id === p.user.id)).slice(4, 6).map((p) => p.user.id!);
    await teams.chat(service, { tenantId, userId: x!, name: 'X', at: now }, { text: 'help', locale: 'fr-FR' });
    await teams.chat(service, { tenantId, userId: y!, name: 'Y', at: now }, { text: 'help', locale: 'de-DE' });
    const pair = await aPair(db(), tenantId, { status: 'active', mentorUserId: x, menteeUserId: y });
    const act = async (action: string, body: Record<string, unknown> = {}) => expect((await service.api('POST', `/api/admin/pairs/${pair.id}/${action}`, { as: admin.id, body })).status).toBe(204);

    await act('pause');
    const paused = await deliver(1, jobsDone('pair.changed:', 2));
    expect([...paused.keys()].sort()).toEqual([x, y].sort());
    // Other notices about the pair (a nudge, a reorganisation) may come too: the admin's change is among them, once.
    const once = (cards: string[] | undefined, words: string) => expect(cards?.filter((c) => c.includes(words))).toHaveLength(1);
    once(paused.get(x!), 'Votre binôme de mentorat est en pause');
    once(paused.get(y!), 'Ihr Mentoring-Tandem pausiert');

    await act('resume');
    const resumed = await deliver(1, jobsDone('pair.changed:', 4));
    expect([...resumed.keys()].sort()).toEqual([x, y].sort());
    once(resumed.get(x!), 'Votre binôme de mentorat a repris');
    once(resumed.get(y!), 'Ihr Mentoring-Tandem geht weiter');

    // The programme admin removes the mentee: the pair ends as the board's "end" does, and both hear it.
    const removed = await service.api('DELETE', `/api/programmes/${pair.programme_id}/participants/${pair.mentee_participant_id}`, { as: admin.id });
    expect(removed.status).toBe(204);
    const ended = await deliver(1, jobsDone('pair.changed:', 6));
    expect([...ended.keys()].sort()).toEqual([x, y].sort());
    once(ended.get(x!), 'Votre binôme de mentorat a pris fin');
    once(ended.get(y!), 'Ihr Mentoring-Tandem ist beendet');
    const [toX, toY] = [ended.get(x!)!.find((c) => c.includes('a pris fin'))!, ended.get(y!)!.find((c) => c.includes('ist beendet'))!];
    expect(toX).toContain('Personne n’est en faute');
    expect(toY).toContain('Niemand trägt daran Schuld');
    expect(await db().selectFrom('pairs').select(['status', 'end_reason']).where('id', '=', pair.id).executeTakeFirstOrThrow()).toEqual({ status: 'ended', end_reason: 'withdrawn' });
    for (const card of [toX, toY]) {
      for (const word of ['concern', 'préoccupation', 'Anliegen', 'withdrawn', 'retiré', 'Admin ', admin.givenName]) expect(card).not.toContain(word);
    }
  });
});
