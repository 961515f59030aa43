import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createBotHost } from '../../server/bot/botHost';
import { botJobHandlers, botJobKinds } from '../../server/jobs/botMessages/botJobs';
import { serverBotBackend } from '../../server/bot/serverBotBackend';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { jobQueue, scheduleJobs } from '../../server/jobs/jobQueue';
import { startJobWorker } from '../../server/jobs/jobWorker';
import { openDatabase } from '../../server/store/database';
import { testEngines } from '../../test/harness/databases';
import { chatsWithTheBot } from '../../test/harness/factories';
import { startTeamsConnector } from '../../test/harness/teamsConnector';

/**
 * `npm run bench:reminders`: COUNT due reminders (10,000) sent by WORKERS processes (2) sharing one
 * Postgres database, through a Teams stand-in that limits bots as Teams documents (50 requests a
 * second per app per tenant; per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour)
 * and answers 429 with Retry-After beyond them. Reports the drain time against the best those
 * limits allow, the 429s, and that every person got exactly one. UNPACED=1 sends without Upward's
 * pace (the comparison: sending until throttled, then honouring Retry-After).
 */
const tenantId = '0d1b2c3e-4f50-4617-8829-3a4b5c6d7e8f';
const teamsLimitPerSecond = 50;

async function worker(databaseUrl: string, workerId: string) {
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
  const { db, close } = await openDatabase({ kind: 'postgres', url: databaseUrl, maxConnections: 10 });
  const clock = () => new Date();
  const backend = serverBotBackend({ db, allowedTenants: [tenantId], timeZoneOf: async () => 'UTC' });
  const unpaced = process.env.UNPACED === '1' ? { acquire: async () => undefined } : undefined;
  const host = createBotHost({ config, db, backend, clock, logger: createLogger('silent'), pace: unpaced });
  // No process is killed here, and the bench's Teams stand-in has no Graph chats: a run after a failure just sends again.
  const handlers = botJobHandlers({ db, host, backend, hoursOf: async () => ({ timeZone: 'UTC', workingHours: null }), delivered: async () => 'unknown' });
  const logger = { warn: () => undefined, error: (o: unknown) => console.error(o), debug: () => undefined };
  const running = startJobWorker({ queue: jobQueue(db, workerId), handlers, clock, logger, batchSize: 100, idleMs: 50 });
  for (;;) {
    const open = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('done_at', 'is', null).executeTakeFirstOrThrow();
    if (open.n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await running.stop();
  await close();
}

/** Runs this file again as a worker process; resolves when it exits. */
function workerProcess(databaseUrl: string, workerId: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', process.argv[1]!, 'worker', databaseUrl, workerId], { stdio: 'inherit', env: process.env });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${workerId} exited with ${code}`)))));
}

async function main() {
  const count = Number(process.env.COUNT ?? 10_000);
  const workerCount = Number(process.env.WORKERS ?? 2);
  process.env.UPWARD_TEST_POSTGRES_AVAILABLE = '1';
  const database = await testEngines().find((e) => e.name === 'postgres')!.create();
  const { db } = database;
  // The drain is timed from Teams' first accepted message to its last: worker processes take a few seconds to start.
  const accepted: number[] = [];
  const teams = await startTeamsConnector({ rateLimited: true, onAccepted: () => accepted.push(performance.now()) });

  const now = new Date();
  const userIds = Array.from({ length: count }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
  await chatsWithTheBot(db, tenantId, { userIds, serviceUrl: teams.url, conversationPrefix: 'a:bench-' });
  await scheduleJobs(
    db,
    Array.from({ length: count }, (_, n) => ({ tenantId, kind: botJobKinds.nudge, dedupeKey: `bench:${n}`, payload: { userId: userIds[n]!, nudge: 'no-session' as const }, runAt: new Date(now.getTime() - 1000) })),
  );

  await Promise.all(Array.from({ length: workerCount }, (_, w) => workerProcess(database.url!, `bench-${w}`)));
  const drainMs = Math.max(...accepted) - Math.min(...accepted);

  const perConversation = new Map<string, number>();
  for (const r of teams.received) perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
  const delivered = teams.received.length;
  const duplicates = [...perConversation.values()].filter((c) => c > 1).length;
  const lost = count - perConversation.size;
  const throttled = teams.refused.filter((r) => r.status === 429).length;
  const attempts = delivered + teams.refused.length;
  const outcomes = await db.selectFrom('jobs').select(['outcome', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('outcome').execute();
  const idealMs = (count / teamsLimitPerSecond) * 1000;
  const ratio = drainMs / idealMs;
  const paced = process.env.UNPACED !== '1';
  console.log(`Postgres, ${workerCount} worker processes, ${paced ? "Upward's pace" : 'no pacing (sent until throttled)'}; Teams stand-in at its documented limits (${teamsLimitPerSecond}/s per app per tenant)`);
  console.log(`reminders: ${count}; delivered: ${delivered}; distinct people reached: ${perConversation.size}`);
  console.log(`sends answered 429: ${throttled} of ${attempts} (${((throttled / attempts) * 100).toFixed(2)} %)`);
  console.log(`job outcomes: ${outcomes.map((o) => `${o.outcome}=${o.n}`).join(', ')}`);
  console.log(`drain time ${(drainMs / 1000).toFixed(2)} s; best the limits allow ${(idealMs / 1000).toFixed(2)} s; ratio ${ratio.toFixed(3)}`);
  console.log(`duplicates: ${duplicates}; lost: ${lost}`);
  await teams.stop();
  await database.drop();
  const ok = duplicates === 0 && lost === 0 && delivered === count;
  console.log(
    JSON.stringify({
      bench: 'reminders',
      paced,
      engine: 'postgres',
      reminders: count,
      workerProcesses: workerCount,
      teamsLimitPerSecond,
      drainSeconds: Number((drainMs / 1000).toFixed(3)),
      idealSeconds: idealMs / 1000,
      ratioToIdeal: Number(ratio.toFixed(3)),
      throttled429: throttled,
      throttledShare: Number((throttled / attempts).toFixed(4)),
      delivered,
      duplicates,
      lost,
      ok,
    }),
  );
  if (!ok) process.exit(1);
}

if (process.argv[2] === 'worker') void worker(process.argv[3]!, process.argv[4]!);
else void main();
