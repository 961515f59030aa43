import tabsEnglish from '../../../tabs/locales/en.json';
import { DEMO_PERSONAS } from '../../../dev/demoOrg/personas';
import type { JobWorker } from '../jobWorker';
import { aPair } from '../../../test/harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../../test/harness/testService';
import { waitFor } from '../../../test/harness/waitFor';

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;
const title = (id: string) => tabsEnglish[`training.module.${id}.title` as keyof typeof tabsEnglish];
const prompt = (phase: string, n: number) => tabsEnglish[`journey.prompt.${phase}.${n}` as keyof typeof tabsEnglish];

/*
 * The bot along the relationship's journey: the training module due in its phase, and the nudge
 * between sessions pointing to the phase's conversation prompts. The production planner and
 * worker run against the real service; the Teams connector stand-in records what each person got.
 */
jest.setTimeout(120_000);

describe('the bot’s training offers and prompts', () => {
  let service: TestService;
  let teams: TeamsConnector;
  let worker: JobWorker;
  let tenantId: string;
  let pairId: string;
  let now = new Date('2026-03-10T12:00:00Z');
  const people = [leader, mentor, admin].map((p) => ({ id: p.id, name: `${p.givenName} ${p.surname}` }));
  const db = () => service.database.db;

  async function deliver(minutes: number, expectedJobs: (keys: string[]) => boolean): Promise<Map<string, string[]>> {
    const before = teams.received.length;
    now = new Date(now.getTime() + minutes * 60_000);
    worker.poke();
    await waitFor('the bot’s cards', async () => expectedJobs((await db().selectFrom('jobs').select('dedupe_key').where('kind', 'like', 'bot.%').where('done_at', 'is not', null).execute()).map((j) => j.dedupe_key)));
    const byPerson = new Map<string, string[]>();
    for (const r of teams.received.slice(before)) {
      const userId = r.conversationId.replace('a:personal-', '');
      byPerson.set(userId, [...(byPerson.get(userId) ?? []), JSON.stringify(r.activity.attachments?.[0]?.content)]);
    }
    return byPerson;
  }
  const done = (prefix: string, count: number) => (keys: string[]) => keys.filter((k) => k.startsWith(prefix)).length >= count;

  beforeAll(async () => {
    teams = await startTeamsConnector();
    service = await startTestService({ clock: () => now, env: { PUBLIC_BASE_URL: 'https://upward.example.test' } });
    tenantId = service.standIn.tenantId.toLowerCase();
    for (const p of people) expect((await teams.chat(service, { tenantId, userId: p.id, name: p.name, at: now }, { text: 'help' })).status).toBeLessThan(300);
    const programme = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Reverse mentoring 2026', startsOn: '2026-01-05' } });
    // Running for five weeks with no session yet: the sessions phase, and a quiet spell.
    pairId = (await aPair(db(), tenantId, { status: 'active', programmeId: programme.body.id, mentorUserId: mentor.id, menteeUserId: leader.id, startedAt: new Date('2026-02-03T09:00:00Z') })).id;
    worker = service.deps.jobs.startWorker('journey-worker');
  });
  afterAll(async () => {
    await worker?.stop();
    await service?.close();
    await teams?.stop();
  });

  it('offers each person the first module of their curriculum a day after it falls due, and the prompts with the nudge to meet', async () => {
    // Planned now; the offers wait a day, the nudge does not.
    const first = await deliver(1, done('no-session:', 2));
    expect([...first.values()].flat().join('')).not.toContain('A short module for this stage');
    const nudges = [...first.entries()];
    const toLeader = first.get(leader.id)!.join('');
    const toMentor = first.get(mentor.id)!.join('');
    expect(nudges.map(([id]) => id).sort()).toEqual([leader.id, mentor.id].sort());
    for (const n of [1, 2, 3]) expect(toLeader).toContain(prompt('sessions', n).replace(/"/g, '\\"'));
    expect(toLeader).toContain('"verb":"agenda.add"');
    expect(toMentor).toContain(prompt('sessions', 1).replace(/"/g, '\\"'));
    expect(toMentor).not.toContain('agenda.add');

    const offers = await deliver(24 * 60 + 1, done('training-offer:', 2));
    expect(offers.get(leader.id)).toEqual([expect.stringContaining(title('mentee-listening'))]);
    expect(offers.get(mentor.id)).toEqual([expect.stringContaining(title('mentor-story'))]);
    expect(offers.has(admin.id)).toBe(false);
  });

  it('adds a prompt to the agenda from the nudge, and offers the next module once the first is done', async () => {
    const press = { verb: 'agenda.add', data: { pairId, text: prompt('sessions', 2) } };
    const answer = await teams.chat(service, { tenantId, userId: leader.id, name: people[0]!.name, at: now }, { press });
    expect(answer.cards.join('')).toContain('Added to the agenda');
    const workspace = await service.api('GET', `/api/pairs/${pairId}/workspace`, { as: leader.id });
    expect(workspace.body.agenda.map((a: { text: string }) => a.text)).toContain(prompt('sessions', 2));

    expect((await service.api('POST', `/api/pairs/${pairId}/training/mentee-listening/done`, { as: leader.id })).status).toBeLessThan(300);
    // Planned at the next pass, offered a day later: the next module of the mentee's curriculum.
    await deliver(1, () => true);
    const next = await deliver(24 * 60 + 1, (keys) => keys.some((k) => k.startsWith('training-offer:') && k.endsWith(':both-charter')));
    expect(next.get(leader.id)).toEqual([expect.stringContaining(title('both-charter'))]);
    // The mentor, who did nothing, is not offered their first module again.
    expect(next.get(mentor.id) ?? []).not.toContainEqual(expect.stringContaining('A short module for this stage'));
  });
});
