import fc from 'fast-check';
import { botJobHandlers, botJobKinds } from '../../server/jobs/botMessages/botJobs';
import { graphDeliveryCheck } from '../../server/jobs/botMessages/deliveryCheck';
import { mailboxHours } from '../../server/bot/mailboxSettings';
import { serverBotBackend } from '../../server/bot/serverBotBackend';
import { jobQueue, scheduleJobs } from '../../server/jobs/jobQueue';
import { startJobWorker } from '../../server/jobs/jobWorker';
import { chatsWithTheBot } from '../harness/factories';
import { startTeamsConnector, type ConnectorFault, type TeamsConnector } from '../harness/teamsConnector';
import { startTestService, type TestService } from '../harness/testService';
import { waitForWithin } from '../harness/waitFor';
const waitFor = waitForWithin(40_000);

describe('reminders while Microsoft Graph and Teams fail at random', () => {
  let service: TestService;
  let teams: TeamsConnector;
  const teamsAppCatalogId = 'upward-catalog-id';
  beforeAll(async () => {
    // What Teams takes lands in the person's chat, where a run after a 503 looks before sending again.
    teams = await startTeamsConnector({ onAccepted: (taken) => service.standIn.teamsChats.postFromBot(taken.conversationId.replace(/^a:faults-/, ''), teamsAppCatalogId, taken.activity) });
    service = await startTestService({ seed: 'reminder-faults', size: 120 });
  });
  afterAll(async () => {
    await service?.close();
    await teams?.stop();
  });

  it('delivers every reminder exactly once through 429s, 503s and slow answers from both, looking in the chat before sending again', async () => {
    const { db } = service.database;
    const tenantId = service.standIn.tenantId.toLowerCase();
    const people = service.standIn.org.people.slice(30, 70);
    // No working hours: each is due now whatever the time of day (the mailbox is still read through Graph, faults and all).
    for (const p of people) delete (p.mailboxSettings as { workingHours?: unknown }).workingHours;
    for (const p of people) service.standIn.teamsChats.install(p.user.id, teamsAppCatalogId);
    const now = new Date();
    await chatsWithTheBot(db, tenantId, { userIds: people.map((p) => p.user.id), serviceUrl: teams.url, conversationPrefix: 'a:faults-' });
    await scheduleJobs(db, people.map((p) => ({ tenantId, kind: botJobKinds.nudge, dedupeKey: `faults:${p.user.id}`, payload: { userId: p.user.id, nudge: 'no-session' }, runAt: now })));

    const teamsFaults = fc.sample(
      fc.oneof(fc.constant<ConnectorFault>({ status: 429, retryAfterSeconds: 0 }), fc.constant<ConnectorFault>({ status: 503 }), fc.constant<ConnectorFault>({ delayMs: 400 }), fc.constant<ConnectorFault>({ delayMs: 0 })),
      { seed: 5, numRuns: 60 },
    );
    teams.inject(teamsFaults);
    for (const [i, kind] of fc.sample(fc.constantFrom('429', '503', 'slow'), { seed: 9, numRuns: 12 }).entries()) {
      const path = `^/users/${people[i * 3]!.user.id}/mailboxSettings$`;
      service.standIn.faults.add(kind === 'slow' ? { path, delayMs: 400 } : { path, status: Number(kind), retryAfterSeconds: kind === '429' ? 1 : undefined, count: 2 });
    }

    const clock = () => new Date();
    const backend = serverBotBackend({ db, allowedTenants: [tenantId], timeZoneOf: async () => 'UTC' });
    const logger = { warn: () => undefined, error: () => undefined, debug: () => undefined };
    const delivered = graphDeliveryCheck({ graph: service.deps.graph, teamsAppCatalogId, logger });
    const handlers = botJobHandlers({ db, host: service.deps.bot.host, backend, hoursOf: mailboxHours(service.deps.graph, clock), delivered });
    // Two workers, as two processes would run; backoff shortened so the retries fit in a test.
    const options = { leaseMs: 10_000, maxAttempts: 8, baseBackoffMs: 100, maxBackoffMs: 1_000 };
    const workers = ['a', 'b'].map((w) => startJobWorker({ queue: jobQueue(db, `faults-${w}`, options), handlers, clock, logger, batchSize: 10, idleMs: 50 }));
    try {
      await waitFor('every reminder done', async () => (await db.selectFrom('jobs').select('done_at').where('kind', '=', botJobKinds.nudge).where('dedupe_key', 'like', 'faults:%').execute()).every((j) => j.done_at));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }

    const jobs = await db.selectFrom('jobs').select(['outcome', 'attempts']).where('dedupe_key', 'like', 'faults:%').execute();
    expect(jobs.map((j) => j.outcome)).toEqual(people.map(() => 'sent'));
    expect(jobs.some((j) => j.attempts > 1)).toBe(true);
    const times = new Map<string, number>();
    for (const r of teams.received) times.set(r.conversationId, (times.get(r.conversationId) ?? 0) + 1);
    expect(people.map((p) => times.get(`a:faults-${p.user.id}`))).toEqual(people.map(() => 1));
    // A 503 leaves the sender in doubt: each run after one read the person's chat first (found nothing, so sent).
    const chatReads = Object.entries(service.standIn.stats.get().byPath).filter(([key]) => /^GET \/chats\/[^/]+\/messages$/.test(key)).reduce((sum, [, n]) => sum + n, 0);
    expect(teams.refused.some((r) => r.status === 503)).toBe(true);
    expect(chatReads).toBe(teams.refused.filter((r) => r.status === 503).length);
  }, 60_000);
});
