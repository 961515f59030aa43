import { botJobHandlers, botJobKinds } from '../../server/jobs/botMessages/botJobs';
import { serverBotBackend } from '../../server/bot/serverBotBackend';
import { jobQueue, scheduleJobs } from '../../server/jobs/jobQueue';
import { startJobWorker } from '../../server/jobs/jobWorker';
import { chatsWithTheBot } from '../harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../harness/teamsConnector';
import { startTestService, type TestService } from '../harness/testService';
import { waitForWithin } from '../harness/waitFor';
const waitFor = waitForWithin(60_000);

describe('reminders paced to what Teams allows', () => {
  let service: TestService;
  let teams: TeamsConnector;
  beforeAll(async () => {
    // Teams as it limits bots: 50 a second per app per tenant, 7 in a second (and longer windows) per conversation.
    teams = await startTeamsConnector({ rateLimited: true });
    service = await startTestService({ seed: 'reminder-pace', size: 160 });
  });
  afterAll(async () => {
    await service?.close();
    await teams?.stop();
  });

  it('sends a burst to many people and a run of cards to one person with few 429s (a loaded machine’s stalls bunch some sends; without the pace, more refusals than sends), each once, from two workers', async () => {
    const { db } = service.database;
    const tenantId = service.standIn.tenantId.toLowerCase();
    const people = service.standIn.org.people.slice(0, 150).map((p) => p.user.id);
    const now = new Date();
    await chatsWithTheBot(db, tenantId, { userIds: people, serviceUrl: teams.url, conversationPrefix: 'a:pace-' });
    const nudge = (userId: string, key: string) => ({ tenantId, kind: botJobKinds.nudge, dedupeKey: key, payload: { userId, nudge: 'no-session' as const }, runAt: now });
    // Everyone once, and one person ten more times (each card its own job, as a busy week of notices would be).
    await scheduleJobs(db, [...people.map((u) => nudge(u, `pace:${u}`)), ...Array.from({ length: 10 }, (_, n) => nudge(people[0]!, `pace:busy:${n}`))]);

    const clock = () => new Date();
    const backend = serverBotBackend({ db, allowedTenants: [tenantId], timeZoneOf: async () => 'UTC' });
    const logger = { warn: () => undefined, error: () => undefined, debug: () => undefined };
    const handlers = botJobHandlers({ db, host: service.deps.bot.host, backend, hoursOf: async () => ({ timeZone: 'UTC', workingHours: null }), delivered: async () => 'unknown' });
    const workers = ['a', 'b'].map((w) => startJobWorker({ queue: jobQueue(db, `pace-${w}`), handlers, clock, logger, batchSize: 25, idleMs: 50 }));
    try {
      await waitFor('every reminder done', async () => (await db.selectFrom('jobs').select('done_at').where('dedupe_key', 'like', 'pace:%').execute()).every((j) => j.done_at));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }

    // A loaded machine (CI runs suites side by side) stalls the event loop and bunches sends that were
    // paced apart; Retry-After covers those. Without the pace Teams refuses more posts than it takes
    // (hundreds for these 161); the pace's own spacing is checked exactly in server/bot/sendPace.test.ts.
    expect(teams.refused.length).toBeLessThan(0.25 * teams.received.length);
    expect(teams.refused.every((r) => r.status === 429)).toBe(true);
    const jobs = await db.selectFrom('jobs').select('outcome').where('dedupe_key', 'like', 'pace:%').execute();
    expect(jobs.map((j) => j.outcome)).toEqual(jobs.map(() => 'sent'));
    const times = new Map<string, number>();
    for (const r of teams.received) times.set(r.conversationId, (times.get(r.conversationId) ?? 0) + 1);
    expect(people.map((u) => times.get(`a:pace-${u}`))).toEqual(people.map((u, i) => (i === 0 ? 11 : 1)));
  }, 90_000);
});
