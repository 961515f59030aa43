import { testEngines } from '../../test/harness/databases';
import { runLoad } from './loadBench';

/**
 * `npm run bench:load`: 200 people for 30 s against Postgres (UPWARD_TEST_POSTGRES_URL, a fresh
 * database dropped afterwards; 127.0.0.1 only), then the same people for as long against a bare
 * server doing the same token verification and SQL on the same database (baseline.ts).
 * LOAD_CONNECTIONS and LOAD_SECONDS change the size, DATABASE_POOL_SIZE both servers' Postgres
 * pool (production's default otherwise).
 */
async function main() {
  process.env.UPWARD_TEST_POSTGRES_AVAILABLE = '1';
  const postgres = testEngines().find((e) => e.name === 'postgres')!;
  const figures = await runLoad({
    engine: postgres,
    connections: Number(process.env.LOAD_CONNECTIONS ?? 200),
    durationSeconds: Number(process.env.LOAD_SECONDS ?? 30),
    databasePoolSize: process.env.DATABASE_POOL_SIZE ? Number(process.env.DATABASE_POOL_SIZE) : undefined,
    baseline: true,
  });
  const { baseline: bare, ...upward } = figures;
  if (!bare) throw new Error('the baseline did not run');
  console.log(`engine ${upward.engine} (pool of ${upward.databasePoolSize}); ${upward.connections} concurrent people for ${upward.durationSeconds} s (each alternates an agenda write and a workspace read)`);
  console.log(`requests ${upward.requests}; throughput ${upward.throughputPerSecond}/s; latency p50 ${upward.latencyP50Ms} ms, p99 ${upward.latencyP99Ms} ms; service CPU ${upward.serviceCpuMsPerRequest} ms a request`);
  console.log(`errors ${upward.errors}; timeouts ${upward.timeouts}; non-2xx ${upward.non2xx}; agenda items written ${upward.agendaItemsWritten}`);
  console.log(`memory peak: rss ${upward.rssPeakMb} MB, heap ${upward.heapUsedPeakMb} MB (the service's process; the load generator runs in its own)`);
  console.log(
    `baseline (bare Node HTTP, same token verification, the same ${bare.statementsPerWrite} statements a write and ${bare.statementsPerRead} a read): requests ${bare.requests}; ${bare.throughputPerSecond}/s; p50 ${bare.latencyP50Ms} ms, p99 ${bare.latencyP99Ms} ms; CPU ${bare.serviceCpuMsPerRequest} ms a request; errors ${bare.errors}, timeouts ${bare.timeouts}, non-2xx ${bare.non2xx}; agenda items written ${bare.agendaItemsWritten}`,
  );
  const cpuRatio = Math.round((upward.serviceCpuMsPerRequest / bare.serviceCpuMsPerRequest) * 100) / 100;
  console.log(`Upward's CPU a request against the baseline's: ${upward.serviceCpuMsPerRequest} / ${bare.serviceCpuMsPerRequest} ms = ${cpuRatio}x (target 1.5x)`);
  const clean = (f: { errors: number; timeouts: number; non2xx: number }) => f.errors === 0 && f.timeouts === 0 && f.non2xx === 0;
  const ok = clean(upward) && clean(bare);
  console.log(JSON.stringify({ bench: 'load', ...upward, baseline: bare, ratio: { serviceCpuPerRequest: cpuRatio }, ok }));
  process.exit(ok ? 0 : 1);
}

void main();
