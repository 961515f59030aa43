import { performance } from 'node:perf_hooks';
import { createBotHost } from '../../server/bot/botHost';
import { botJobHandlers, botJobKinds } from '../../server/jobs/botMessages/botJobs';
import { serverBotBackend } from '../../server/bot/serverBotBackend';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { jobQueue, scheduleJobs } from '../../server/jobs/jobQueue';
import { startJobWorker } from '../../server/jobs/jobWorker';
import { openDatabase } from '../../server/store/database';
import { migrateToLatest } from '../../server/store/migrate';
import { testEngines } from '../../test/harness/databases';
import { chatsWithTheBot } from '../../test/harness/factories';
import { startTeamsStandIn } from './teamsStandIn';

/**
 * `npm run bench:reminders`: 10,000 due reminders sent through a Teams stand-in that throttles
 * (429 + Retry-After beyond RATE a second), by WORKERS workers sharing one database. Reports the
 * time to drain against the best the rate allows, and checks every person got exactly one.
 */
async function main() {
  const count = Number(process.env.COUNT ?? 10_000);
  const rate = Number(process.env.RATE ?? 200);
  const workerCount = Number(process.env.WORKERS ?? 2);
  const tenantId = '0d1b2c3e-4f50-4617-8829-3a4b5c6d7e8f';
  // The bench reaches no Microsoft 365 but its Teams stand-in: an unused loopback address stands for the rest, as the Playground's anonymous mode requires.
  const nowhere = 'http://127.0.0.1:9';
  const config = loadConfig({
    ENTRA_CLIENT_ID: '5e0c6a43-7b1d-4c9e-9a8f-2d3c4b5a6e7f',
    ENTRA_ALLOWED_TENANTS: tenantId,
    ENTRA_AUTHORITY_HOST: nowhere,
    GRAPH_BASE_URL: `${nowhere}/v1.0`,
    IDENTITY_ENDPOINT: `${nowhere}/msi/token`,
    IDENTITY_HEADER: 'unused',
    connections__serviceConnection__settings__clientId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    connections__serviceConnection__settings__tenantId: tenantId,
    connections__serviceConnection__settings__authType: 'UserManagedIdentity',
    connections__serviceConnection__settings__validateIssuer: 'true',
    BOT_AUTH: 'anonymous',
  });
  // Always a fresh database: PGlite in memory, or a throw-away database on the Postgres server (BENCH_POSTGRES=1).
  if (process.env.BENCH_POSTGRES === '1') process.env.UPWARD_TEST_POSTGRES_AVAILABLE = '1';
  const database = process.env.BENCH_POSTGRES === '1' ? await testEngines().find((e) => e.name === 'postgres')!.create() : await openDatabase({ kind: 'pglite', dataDir: null });
  if (database.engine === 'pglite') await migrateToLatest(database.db);
  const { db } = database;
  const teams = await startTeamsStandIn({ ratePerSecond: rate });
  const clock = () => new Date();

  const now = new Date();
  const userIds = Array.from({ length: count }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
  await chatsWithTheBot(db, tenantId, { userIds, serviceUrl: teams.url, conversationPrefix: 'a:bench-' });
  await scheduleJobs(
    db,
    Array.from({ length: count }, (_, n) => ({
      tenantId,
      kind: botJobKinds.nudge,
      dedupeKey: `bench:${n}`,
      payload: { userId: userIds[n], nudge: 'no-session' },
      runAt: new Date(now.getTime() - 1000),
    })),
  );

  const backend = serverBotBackend({ db, allowedTenants: [tenantId], timeZoneOf: async () => 'UTC' });
  const host = createBotHost({ config, db, backend, clock, logger: createLogger('silent') });
  // No process is killed here, and the bench's Teams stand-in has no Graph chats: a run after a failure just sends again.
  const handlers = botJobHandlers({ db, host, backend, hoursOf: async () => ({ timeZone: 'UTC', workingHours: null }), delivered: async () => 'unknown' });
  const logger = { warn: () => undefined, error: (o: unknown) => console.error(o), debug: () => undefined };

  const started = performance.now();
  const workers = Array.from({ length: workerCount }, (_, w) => startJobWorker({ queue: jobQueue(db, `bench-${w}`), handlers, clock, logger, batchSize: 100, idleMs: 50 }));
  for (;;) {
    const open = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('done_at', 'is', null).executeTakeFirstOrThrow();
    if (Number(open.n) === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const drainMs = performance.now() - started;
  await Promise.all(workers.map((w) => w.stop()));

  const counts = [...teams.received.values()];
  const delivered = counts.reduce((a, b) => a + b, 0);
  const duplicates = counts.filter((c) => c > 1).length;
  const lost = count - teams.received.size;
  const outcomes = await db.selectFrom('jobs').select(['outcome', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('outcome').execute();
  const idealMs = (count / rate) * 1000;
  const ratio = drainMs / idealMs;
  console.log(`engine ${database.engine}, ${workerCount} workers, Teams stand-in limit ${rate}/s`);
  console.log(`reminders: ${count}; delivered: ${delivered}; distinct people reached: ${teams.received.size}`);
  console.log(`429 answers from the stand-in: ${teams.throttledCount()}`);
  console.log(`job outcomes: ${outcomes.map((o) => `${o.outcome}=${o.n}`).join(', ')}`);
  console.log(`drain time ${(drainMs / 1000).toFixed(2)} s; best the rate allows ${(idealMs / 1000).toFixed(2)} s; ratio ${ratio.toFixed(2)}`);
  console.log(`duplicates: ${duplicates}; lost: ${lost}`);
  await teams.stop();
  await ('drop' in database ? (database as { drop(): Promise<void> }).drop() : database.close());
  const ok = duplicates === 0 && lost === 0 && delivered === count;
  console.log(JSON.stringify({ bench: 'reminders', engine: database.engine, reminders: count, workers: workerCount, ratePerSecond: rate, drainSeconds: Number((drainMs / 1000).toFixed(3)), idealSeconds: idealMs / 1000, ratioToIdeal: Number(ratio.toFixed(3)), throttled429: teams.throttledCount(), delivered, duplicates, lost, ok }));
  if (!ok) process.exit(1);
}

void main();
