import { fork } from 'node:child_process';
import path from 'node:path';
import { defaultDatabasePoolSize } from '../../server/config';
import { aPair, aProgramme } from '../../test/harness/factories';
import type { TestEngine } from '../../test/harness/databases';
import { startTestService } from '../../test/harness/testService';
import type { LoadPlan, LoadResult } from './loadClient';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  engine?: TestEngine;
  /** The service's Postgres pool: production's default (DATABASE_POOL_SIZE) unless given. */
  databasePoolSize?: number;
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
}

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
    for (let i = 0; clients.length < options.connections; i++) {
      const pair = await aPair(db, tenantId, { programmeId: programme.id, mentorUserId: people[2 * i]!, menteeUserId: people[2 * i + 1]! });
      clients.push({ path: `/api/pairs/${pair.id}`, token: await service.tokenFor(pair.mentee_user_id), role: 'mentee' });
      clients.push({ path: `/api/pairs/${pair.id}`, token: await service.tokenFor(pair.mentor_user_id), role: 'mentor' });
    }
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
    const written = await db.selectFrom('agenda_items').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    return {
      engine: service.database.engine,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      databasePoolSize,
      ...result,
      serviceCpuMsPerRequest: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, result.requests)) * 100) / 100,
      agendaItemsWritten: Number(written.n),
      rssPeakMb: mb(rssPeak),
      heapUsedPeakMb: mb(heapPeak),
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
