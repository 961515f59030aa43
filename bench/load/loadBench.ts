import { fork } from 'node:child_process';
import path from 'node:path';
import { defaultDatabasePoolSize } from '../../server/config';
import { aPair, aProgramme } from '../../test/harness/factories';
import type { TestEngine } from '../../test/harness/databases';
import { startTestService } from '../../test/harness/testService';
import { recordStatements, startBaseline, type RecordedRequest } from './baseline';
import type { LoadPlan, LoadResult } from './loadClient';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  engine?: TestEngine;
  /** The service's Postgres pool: production's default (DATABASE_POOL_SIZE) unless given. */
  databasePoolSize?: number;
  /** Also runs the same load against a bare server doing the same token verification and SQL (Postgres only). */
  baseline?: boolean;
}

/** The bare server's figures under the same load (see baseline.ts). */
export interface BaselineFigures extends LoadResult {
  serviceCpuMsPerRequest: number;
  /** Statements a request sends: agenda write and workspace read, as a mentee. */
  statementsPerWrite: number;
  statementsPerRead: number;
  /** Agenda items the bare server's replayed writes stored (each run starts from empty agendas). */
  agendaItemsWritten: number;
}

export interface LoadFigures extends LoadResult {
  engine: string;
  connections: number;
  durationSeconds: number;
  databasePoolSize: number;
  /** CPU time (user and system) the service's process spent per request: steadier than throughput on a shared machine. */
  serviceCpuMsPerRequest: number;
  agendaItemsWritten: number;
  rssPeakMb: number;
  heapUsedPeakMb: number;
  baseline?: BaselineFigures;
}

const cpuMsPerRequest = (cpu: NodeJS.CpuUsage, requests: number) => Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, requests)) * 100) / 100;

/**
 * Workspace reads and agenda writes from as many signed-in people as connections: each
 * connection is one person of a pair (half mentees adding agenda items, half mentors suggesting
 * them), alternating a write with a read of their workspace, through the real app, real tokens
 * and the production wiring. The service runs in this process and the load generator in a child
 * process, so the two do not share an event loop and memory is the service's peak.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const databasePoolSize = options.databasePoolSize ?? defaultDatabasePoolSize;
  const service = await startTestService({
    engine: options.engine,
    size: Math.max(120, options.connections * 2),
    seed: 'load',
    databasePoolSize,
    env: { RATE_LIMIT_PER_USER_PER_MINUTE: '1000000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000' },
  });
  try {
    const db = service.database.db;
    const tenantId = service.standIn.tenantId;
    const programme = await aProgramme(db, tenantId);
    const people = service.standIn.org.people.map((p) => p.user.id);
    const clients: LoadPlan['clients'] = [];
    const pairs = new Map<string, { mentor: string; mentee: string }>();
    for (let i = 0; clients.length < options.connections; i++) {
      const pair = await aPair(db, tenantId, { programmeId: programme.id, mentorUserId: people[2 * i]!, menteeUserId: people[2 * i + 1]! });
      pairs.set(pair.id, { mentor: pair.mentor_user_id, mentee: pair.mentee_user_id });
      clients.push({ path: `/api/pairs/${pair.id}`, token: await service.tokenFor(pair.mentee_user_id), role: 'mentee' });
      clients.push({ path: `/api/pairs/${pair.id}`, token: await service.tokenFor(pair.mentor_user_id), role: 'mentor' });
    }
    // What Upward sends Postgres for each kind of request, recorded on a pair of its own before the load.
    let recorded: Record<'menteeWrite' | 'mentorWrite' | 'menteeRead' | 'mentorRead', RecordedRequest> | undefined;
    if (options.baseline) {
      const probe = await aPair(db, tenantId, { programmeId: programme.id, mentorUserId: people[2 * pairs.size]!, menteeUserId: people[2 * pairs.size + 1]! });
      const record = async (role: 'mentee' | 'mentor', write: boolean): Promise<RecordedRequest> => {
        const [user, partner] = role === 'mentee' ? [probe.mentee_user_id, probe.mentor_user_id] : [probe.mentor_user_id, probe.mentee_user_id];
        const text = `Probe ${role} ${write ? 'write' : 'read'}`;
        const token = await service.tokenFor(user);
        const call = async () => {
          const path = `/api/pairs/${probe.id}/${write ? (role === 'mentee' ? 'agenda' : 'agenda/suggestions') : 'workspace'}`;
          const response = await service.api(write ? 'POST' : 'GET', path, { token, ...(write ? { body: { text } } : {}) });
          if (response.status >= 300) throw new Error(`the probe ${path} answered ${response.status}`);
        };
        await call(); // the first call warms what Upward keeps between requests (keys, caches)
        return { statements: await recordStatements(call), names: { tenant: tenantId, pair: probe.id, user, partner, text } };
      };
      recorded = { menteeWrite: await record('mentee', true), mentorWrite: await record('mentor', true), menteeRead: await record('mentee', false), mentorRead: await record('mentor', false) };
    }
    // Each run starts from empty agendas, so neither reads a longer workspace than the other.
    const emptyAgendas = () => db.deleteFrom('agenda_items').where('tenant_id', '=', tenantId).execute();
    await emptyAgendas();
    let rssPeak = 0;
    let heapPeak = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 250);
    const cpuBefore = process.cpuUsage();
    const result = await generateLoad({ url: service.url, connections: options.connections, durationSeconds: options.durationSeconds, clients });
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const agendaItems = async () => Number((await db.selectFrom('agenda_items').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
    const written = await agendaItems();
    let baseline: BaselineFigures | undefined;
    if (recorded) {
      if (!service.database.url) throw new Error('the baseline needs Postgres (a second connection to the same database)');
      await emptyAgendas();
      const bare = await startBaseline({ databaseUrl: service.database.url, poolSize: databasePoolSize, token: service.deps.config.entra, pairs, recorded });
      try {
        const bareCpuBefore = process.cpuUsage();
        const bareResult = await generateLoad({ url: bare.url, connections: options.connections, durationSeconds: options.durationSeconds, clients });
        baseline = {
          ...bareResult,
          serviceCpuMsPerRequest: cpuMsPerRequest(process.cpuUsage(bareCpuBefore), bareResult.requests),
          statementsPerWrite: recorded.menteeWrite.statements.length,
          statementsPerRead: recorded.menteeRead.statements.length,
          agendaItemsWritten: await agendaItems(),
        };
      } finally {
        await bare.close();
      }
    }
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    return {
      engine: service.database.engine,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      databasePoolSize,
      ...result,
      serviceCpuMsPerRequest: cpuMsPerRequest(cpu, result.requests),
      agendaItemsWritten: written,
      rssPeakMb: mb(rssPeak),
      heapUsedPeakMb: mb(heapPeak),
      ...(baseline ? { baseline } : {}),
    };
  } finally {
    await service.close();
  }
}

/** Runs the load generator (loadClient.ts) in its own Node process and waits for its figures. */
function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const child = fork(path.join(__dirname, 'loadClient.ts'), [], { cwd: path.resolve(__dirname, '../..'), execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { result?: LoadResult; error?: string }) => (message.result ? resolve(message.result) : reject(new Error(`the load generator failed: ${message.error}`))));
    child.once('exit', (code) => reject(new Error(`the load generator exited (${code}) without figures`)));
    child.send(plan);
  });
}
