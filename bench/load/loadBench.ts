import autocannon from 'autocannon';
import { aPair, aProgramme } from '../../server/testing/factories';
import type { TestEngine } from '../../server/testing/databases';
import { startTestService } from '../../server/testing/testService';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  engine?: TestEngine;
}

export interface LoadFigures {
  engine: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  throughputPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  agendaItemsWritten: number;
  rssPeakMb: number;
  heapUsedPeakMb: number;
}

/**
 * Workspace reads and agenda writes from as many signed-in people as connections: each
 * connection is one person of a pair (half mentees adding agenda items, half mentors suggesting
 * them), alternating a write with a read of their workspace, through the real app, real tokens
 * and the production wiring. The service runs in this process, so memory is the process's peak.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const service = await startTestService({
    engine: options.engine,
    size: Math.max(120, options.connections * 2),
    seed: 'load',
    env: { RATE_LIMIT_PER_USER_PER_MINUTE: '1000000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000' },
  });
  try {
    const db = service.database.db;
    const tenantId = service.standIn.tenantId;
    const programme = await aProgramme(db, tenantId);
    const people = service.standIn.org.people.map((p) => p.user.id);
    const clients: { path: string; token: string; role: 'mentor' | 'mentee' }[] = [];
    for (let i = 0; clients.length < options.connections; i++) {
      const pair = await aPair(db, tenantId, { programmeId: programme.id, mentorUserId: people[2 * i]!, menteeUserId: people[2 * i + 1]! });
      clients.push({ path: `/api/pairs/${pair.id}`, token: await service.tokenFor(pair.mentee_user_id), role: 'mentee' });
      clients.push({ path: `/api/pairs/${pair.id}`, token: await service.tokenFor(pair.mentor_user_id), role: 'mentor' });
    }
    let next = 0;
    let rssPeak = 0;
    let heapPeak = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 250);
    const result = await autocannon({
      url: service.url,
      connections: options.connections,
      duration: options.durationSeconds,
      timeout: 10,
      setupClient: (client) => {
        const me = clients[next++ % clients.length]!;
        const headers = { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' };
        client.setRequests([
          { method: 'POST', path: `${me.path}/${me.role === 'mentee' ? 'agenda' : 'agenda/suggestions'}`, headers, body: JSON.stringify({ text: 'What would you change about our stand-ups?' }) },
          { method: 'GET', path: `${me.path}/workspace`, headers },
        ]);
      },
    });
    clearInterval(sampler);
    const written = await db.selectFrom('agenda_items').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    return {
      engine: service.database.engine,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      requests: result.requests.total,
      throughputPerSecond: Math.round(result.requests.average),
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      agendaItemsWritten: Number(written.n),
      rssPeakMb: mb(rssPeak),
      heapUsedPeakMb: mb(heapPeak),
    };
  } finally {
    await service.close();
  }
}
