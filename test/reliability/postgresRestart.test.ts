import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../../dev/m365StandIn';
import { standInEnvironment } from '../../dev/standInEnvironment';
import { createApp } from '../../server/app';
import { composeDeps } from '../../server/composition';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { openDatabase, type OpenDatabase } from '../../server/store/database';
import { migrateToLatest } from '../../server/store/migrate';
import { aPair } from '../harness/factories';
import { waitForWithin } from '../harness/waitFor';
const waitFor = waitForWithin(20_000);

const pgBin = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => existsSync(`${d}/initdb`)) : undefined;
// A throw-away cluster of our own (never the shared server other tests use); initdb refuses to run as root, so as the postgres user.
const canRunCluster = pgBin !== undefined && process.getuid?.() === 0;
const describeWithCluster = canRunCluster ? describe : describe.skip;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

describeWithCluster('Postgres restarted under load', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'upward-pg-'));
  const data = path.join(dir, 'data');
  let port = 0;
  let standIn: M365StandIn;
  let database: OpenDatabase | undefined;
  let server: Server | undefined;
  let running = true;
  const pgCtl = (...args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', `${pgBin}/pg_ctl`, '-D', data, ...args], { stdio: 'pipe' });
  const startCluster = () => pgCtl('-o', `-p ${port} -k ${dir} -h 127.0.0.1`, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start');

  beforeAll(async () => {
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    execFileSync('runuser', ['-u', 'postgres', '--', `${pgBin}/initdb`, '-D', data, '-U', 'postgres', '--auth=trust', '--no-sync'], { stdio: 'pipe' });
    port = await freePort();
    startCluster();
    standIn = await startM365StandIn({ port: 0, seed: 'pg-restart', size: 120 });
  }, 60_000);
  afterAll(async () => {
    running = false;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database?.close().catch(() => undefined);
    await standIn?.stop();
    try {
      pgCtl('-m', 'immediate', 'stop');
    } catch {
      // Already stopped (or never started).
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 2xx or a 503 problem during the outage, never hangs, recovers without a restart of the service, and writes each agenda item whole and once', async () => {
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    database = await openDatabase({ kind: 'postgres', url, maxConnections: 5 });
    await migrateToLatest(database.db);
    const config = loadConfig({ ...standInEnvironment(standIn), BOT_AUTH: 'entra', LOG_LEVEL: 'silent', DATABASE_URL: url, RATE_LIMIT_PER_USER_PER_MINUTE: '100000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000' });
    const app = createApp(composeDeps(config, database.db, createLogger(config.logLevel)));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tenantId = standIn.tenantId.toLowerCase();
    const leader = DEMO_PERSONAS.seniorLeader.id;
    const pair = await aPair(database.db, tenantId, { mentorUserId: DEMO_PERSONAS.juniorMentor.id, menteeUserId: leader });
    const token = await standIn.issueToken(leader);

    type Outcome = { phase: 'before' | 'outage' | 'after'; kind: 'read' | 'write'; status: number; problem: string | null; text?: string };
    const outcomes: Outcome[] = [];
    let phase: Outcome['phase'] = 'before';
    let n = 0;
    const once = async (): Promise<Outcome> => {
      const write = n % 2 === 0;
      const text = `item ${n++}`;
      const at = phase;
      const res = await fetch(`${base}/api/pairs/${pair.id}/${write ? 'agenda' : 'workspace'}`, {
        method: write ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, ...(write ? { 'content-type': 'application/json' } : {}) },
        body: write ? JSON.stringify({ text }) : undefined,
        // A request still unanswered after this long counts as hanging, and fails the test.
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await res.json()) as { code?: string };
      const outcome: Outcome = { phase: at, kind: write ? 'write' : 'read', status: res.status, problem: res.status >= 400 ? (body.code ?? 'none') : null, ...(write ? { text } : {}) };
      outcomes.push(outcome);
      return outcome;
    };
    const loops = Array.from({ length: 8 }, async () => {
      while (running) await once();
    });

    await waitFor('load before the restart', async () => outcomes.filter((o) => o.status < 300).length >= 40);
    phase = 'outage';
    pgCtl('-m', 'fast', '-w', 'stop');
    await waitFor('requests refused during the outage', async () => outcomes.filter((o) => o.phase === 'outage' && o.status >= 500).length >= 10);
    startCluster();
    await waitFor('the first success after the restart', async () => outcomes.some((o) => o.phase === 'outage' && o.status < 300) && outcomes.at(-1)!.status < 300);
    phase = 'after';
    await waitFor('load after the restart', async () => outcomes.filter((o) => o.phase === 'after').length >= 60);
    running = false;
    await Promise.all(loops);

    expect(outcomes.filter((o) => !(o.status < 300 || (o.status === 503 && o.problem === 'databaseUnavailable')))).toEqual([]);
    expect(outcomes.filter((o) => o.phase === 'outage' && o.status === 503).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.phase === 'after' && o.status >= 300)).toEqual([]);

    const rows = await database.db.selectFrom('agenda_items').select(['text', 'pair_id']).where('tenant_id', '=', tenantId).execute();
    const stored = rows.map((r) => r.text);
    expect(new Set(stored).size).toBe(stored.length);
    for (const r of rows) expect(r.pair_id).toBe(pair.id);
    const writes = outcomes.filter((o) => o.kind === 'write');
    // Every answered write is stored once; a refused one may have committed just before the connection died, never twice.
    for (const o of writes.filter((w) => w.status < 300)) expect(stored).toContain(o.text);
    const refused = new Set(writes.filter((w) => w.status >= 300).map((w) => w.text));
    for (const text of stored) expect(writes.some((w) => w.text === text && (w.status < 300 || refused.has(text)))).toBe(true);
  }, 60_000);
});
