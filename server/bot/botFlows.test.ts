import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aPerson, aSession } from '../../test/harness/factories';
import { type CardPress, startTeamsConnector, type TeamsConnector } from '../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../test/harness/testService';
import { textCard } from '../../bot/cards/relationshipCards';

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
type Persona = typeof leader | typeof mentor;

/*
 * The bot's conversations as Teams has them: Teams-shaped activities POSTed over HTTP to the
 * service's /api/messages, replies read from a Teams connector stand-in on 127.0.0.1, and what was
 * recorded read back through the same workspace API the tab uses.
 */
describe('the Upward bot in a personal chat', () => {
  let service: TestService;
  let teams: TeamsConnector;
  let tenantId: string;
  let pairId: string;
  let now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    teams = await startTeamsConnector();
    service = await startTestService({ clock: () => now });
    tenantId = service.standIn.tenantId.toLowerCase();
    for (const p of [leader, mentor]) await aPerson(service.database.db, tenantId, { userId: p.id, displayName: `${p.givenName} ${p.surname}` });
    pairId = (await aPair(service.database.db, tenantId, { mentorUserId: mentor.id, menteeUserId: leader.id })).id;
  });
  afterAll(async () => {
    await service.close();
    await teams.stop();
  });

  const conversationOf = (p: Persona) => `a:personal-${p.id}`;

  /** Sends one activity from a person and returns the cards the bot answered with, as JSON text. */
  async function send(p: Persona, fields: { text?: string; press?: CardPress }): Promise<string[]> {
    const answer = await teams.chat(service, { tenantId, userId: p.id, name: `${p.givenName} ${p.surname}`, at: now }, fields);
    expect(answer.status).toBeLessThan(300);
    expect(answer.conversations).toEqual([]);
    return answer.cards;
  }
  const say = (p: Persona, text: string) => send(p, { text });
  /** Presses a card's button (verb) with the card's inputs and data. */
  const submit = (p: Persona, { verb, ...data }: { verb: string } & Record<string, unknown>) => send(p, { press: { verb, data } });
  const workspaceAs = async (p: Persona) => (await service.api('GET', `/api/pairs/${pairId}/workspace`, { as: p.id })).body;

  it('answers help with what it can do', async () => {
    const [card] = await say(leader, 'help');
    expect(card).toContain('What I can do');
    expect(card).toContain('pause reminders');
  });

  it('says no session is booked when none is planned, and shows the next one when it is', async () => {
    expect((await say(leader, 'next session'))[0]).toContain('No session booked');
    await aSession(service.database.db, tenantId, { pairId, startsAt: new Date('2026-03-12T10:00:00Z') });
    const [card] = await say(leader, 'Next session?');
    expect(card).toContain('Your next session');
    expect(card).toContain('Jun Park');
    expect(card).toContain('Microsoft Teams');
  });

  it('asks the mentee to set the agenda when it is empty, records what they add, and lets the mentor only suggest', async () => {
    const [leaderCard] = await say(leader, 'agenda');
    expect(leaderCard).toContain('The agenda is empty. You set the agenda');
    expect(leaderCard).toContain('Set your agenda');
    expect((await say(mentor, 'agenda'))[0]).toContain('Your mentee sets it');

    expect((await submit(leader, { verb: 'agenda.add', pairId, text: 'How juniors hear our town halls' }))[0]).toContain('Added to the agenda');
    expect((await submit(mentor, { verb: 'agenda.add', pairId, text: 'Shadow a stand-up' }))[0]).toContain('Suggested');
    expect((await say(leader, 'agenda'))[0]).toContain('1. How juniors hear our town halls');
    const agenda = (await workspaceAs(leader)).agenda;
    expect(agenda).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'How juniors hear our town halls', state: 'on-agenda' }), expect.objectContaining({ text: 'Shadow a stand-up' })]));
  });

  it('records a reflection privately, proposes take-aways, and makes one agreed when the partner confirms it from their own card', async () => {
    expect((await say(leader, 'reflect'))[0]).toContain('Nothing to reflect on yet');
    now = new Date('2026-03-12T12:00:00Z');
    const [card] = await say(leader, 'reflect');
    expect(card).toContain('How did your session with Jun Park go?');
    expect(card).toContain('"id":"commitment"');
    const sessionId = JSON.parse(card!).actions[0].data.sessionId as string;

    const [saved] = await submit(leader, {
      verb: 'reflection.submit',
      pairId,
      sessionId,
      reflection: 'I talked over Jun twice.',
      takeaway1: 'Let juniors speak first',
      takeaway2: 'Ask, then listen',
      takeaway3: '',
      commitment: 'Open my next staff meeting with a junior',
      commitmentDueOn: '2026-04-01',
    });
    expect(saved).toContain('Saved. Your reflection is private to you.');
    const leaderView = await workspaceAs(leader);
    expect(leaderView.journal).toEqual([expect.objectContaining({ text: 'I talked over Jun twice.', author: 'me' })]);
    expect(leaderView.commitments).toEqual([expect.objectContaining({ text: 'Open my next staff meeting with a junior', dueOn: '2026-04-01', status: 'open' })]);
    expect((await workspaceAs(mentor)).journal).toEqual([]);

    const [mentorCard] = await say(mentor, 'reflect');
    expect(mentorCard).toContain('Let juniors speak first');
    expect(mentorCard).not.toContain('"id":"commitment"');
    const proposed = (await workspaceAs(mentor)).takeaways as { id: string; text: string; status: string }[];
    expect(proposed.map((t) => t.status)).toEqual(['proposed', 'proposed']);
    const first = proposed.find((t) => t.text === 'Let juniors speak first')!;
    expect(mentorCard).toContain(`confirm_${first.id}`);

    const [mentorSaved] = await submit(mentor, { verb: 'reflection.submit', pairId, sessionId, reflection: 'Catherine listened more at the end.', [`confirm_${first.id}`]: 'true' });
    expect(mentorSaved).toContain('One take-away is now agreed.');
    const after = await workspaceAs(leader);
    expect(after.takeaways).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Let juniors speak first', status: 'agreed' }), expect.objectContaining({ text: 'Ask, then listen', status: 'proposed' })]));
    expect(after.journal).toEqual([expect.objectContaining({ text: 'I talked over Jun twice.' })]);
    expect((await workspaceAs(mentor)).journal).toEqual([expect.objectContaining({ text: 'Catherine listened more at the end.', author: 'me' })]);
  });

  it('records nothing of a reflection card that cannot be recorded whole', async () => {
    const db = service.database.db;
    const count = async (table: 'reflections' | 'takeaways') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = [await count('reflections'), await count('takeaways')];
    const sessionId = (await db.selectFrom('sessions').select('id').where('pair_id', '=', pairId).executeTakeFirstOrThrow()).id;
    // The leader proposed two take-aways for this session already: two more pass the limit of three.
    const [answer] = await submit(leader, { verb: 'reflection.submit', pairId, sessionId, reflection: 'A second thought.', takeaway1: 'Third', takeaway2: 'Fourth' });
    expect(answer).toContain('at most three take-aways');
    expect([await count('reflections'), await count('takeaways')]).toEqual(before);
  });

  it('lets the mentee thank the mentor, and the mentor decide whether their manager may see it', async () => {
    expect((await say(mentor, 'praise'))[0]).toContain('Praise goes to the mentor');
    const [compose] = await say(leader, 'praise');
    expect(compose).toContain('Say thank you');
    expect((await submit(leader, { verb: 'praise.submit', pairId, text: 'You changed how I run meetings.' }))[0]).toContain('Your mentor decides');

    const received = (await workspaceAs(mentor)).praise.received as { id: string; shareWithManager: boolean }[];
    expect(received).toEqual([expect.objectContaining({ text: 'You changed how I run meetings.', shareWithManager: false })]);
    expect((await submit(leader, { verb: 'praise.share', pairId, praiseId: received[0]!.id, share: true }))[0]).toContain('Your role in this pair does not do this');
    expect((await submit(mentor, { verb: 'praise.share', pairId, praiseId: received[0]!.id, share: true }))[0]).toContain('Your manager may now see this praise.');
    expect((await workspaceAs(mentor)).praise.received).toEqual([expect.objectContaining({ shareWithManager: true })]);
  });

  it('records an answered card once: pressed again (another device, a replay) it changes nothing and says so', async () => {
    const [compose] = await say(leader, 'praise');
    const action = (JSON.parse(compose!) as { actions: { type: string; verb: string; data: { cardId?: string } }[] }).actions[0]!;
    expect(action).toMatchObject({ type: 'Action.Execute', verb: 'praise.submit', data: { cardId: expect.any(String) } });
    const praiseCount = async () => (await service.database.db.selectFrom('praise').select('id').where('tenant_id', '=', tenantId).execute()).length;
    const before = await praiseCount();
    const press = () => submit(leader, { verb: 'praise.submit', ...action.data, pairId, text: 'Thank you for the reverse demo.' });
    const [first] = await press();
    expect(first).toContain('Your mentor decides');
    expect(first).not.toContain('Action.Execute');
    expect((await press())[0]).toContain('Already answered');
    expect(await praiseCount()).toBe(before + 1);
  });

  it('leaves a card answerable when its answer could not be recorded, and tells the person why', async () => {
    const [compose] = await say(leader, 'praise');
    const { cardId } = (JSON.parse(compose!) as { actions: { data: { cardId: string } }[] }).actions[0]!.data;
    const refused = await teams.chat(service, { tenantId, userId: leader.id, name: leader.givenName, at: now }, { press: { verb: 'praise.submit', data: { cardId, pairId, text: '' } } });
    expect(refused.answerType).toBe('application/vnd.microsoft.activity.message');
    expect(refused.cards[0]).toContain('Check what you entered and try again.');
    expect((await submit(leader, { verb: 'praise.submit', cardId, pairId, text: 'Second try, with words.' }))[0]).toContain('Your mentor decides');
  });

  it('pauses reminders for two weeks', async () => {
    const [card] = await say(mentor, 'pause reminders');
    expect(card).toContain('Reminders paused');
    const prefs = await service.database.db.selectFrom('bot_preferences').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', mentor.id).executeTakeFirstOrThrow();
    expect(prefs.reminders_paused_until).toEqual(new Date('2026-03-26T12:00:00Z'));
  });

  it('reaches a person proactively through their stored conversation, and reports Teams throttling with its Retry-After', async () => {
    teams.throttleNext(1, 7);
    expect(await service.deps.bot.host.send(tenantId, leader.id, textCard('Hello', 'A proactive message.'))).toEqual({ kind: 'throttled', retryAfterMs: 7000 });
    const before = teams.received.length;
    expect(await service.deps.bot.host.send(tenantId, leader.id, textCard('Hello', 'A proactive message.'))).toEqual({ kind: 'sent' });
    expect(teams.received.slice(before)).toEqual([expect.objectContaining({ conversationId: conversationOf(leader) })]);
    expect(await service.deps.bot.host.send(tenantId, DEMO_PERSONAS.programmeAdmin.id, textCard('Hello', 'Nobody home.'))).toEqual({ kind: 'no-conversation' });
  });
});
