import { testEngines } from '../../test/harness/databases';
import { runLoad } from './loadBench';

/**
 * `npm run bench:load`: 200 people for 60 s against Postgres (UPWARD_TEST_POSTGRES_URL, a fresh
 * database dropped afterwards; 127.0.0.1 only). LOAD_CONNECTIONS and LOAD_SECONDS change the size,
 * DATABASE_POOL_SIZE the service's Postgres pool (production's default otherwise).
 */
async function main() {
  process.env.UPWARD_TEST_POSTGRES_AVAILABLE = '1';
  const postgres = testEngines().find((e) => e.name === 'postgres')!;
  const figures = await runLoad({
    engine: postgres,
    connections: Number(process.env.LOAD_CONNECTIONS ?? 200),
    durationSeconds: Number(process.env.LOAD_SECONDS ?? 60),
    databasePoolSize: process.env.DATABASE_POOL_SIZE ? Number(process.env.DATABASE_POOL_SIZE) : undefined,
  });
  console.log(`engine ${figures.engine} (pool of ${figures.databasePoolSize}); ${figures.connections} concurrent people for ${figures.durationSeconds} s (each alternates an agenda write and a workspace read)`);
  console.log(`requests ${figures.requests}; throughput ${figures.throughputPerSecond}/s; latency p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms; service CPU ${figures.serviceCpuMsPerRequest} ms a request`);
  console.log(`errors ${figures.errors}; timeouts ${figures.timeouts}; non-2xx ${figures.non2xx}; agenda items written ${figures.agendaItemsWritten}`);
  console.log(`memory peak: rss ${figures.rssPeakMb} MB, heap ${figures.heapUsedPeakMb} MB (the service's process; the load generator runs in its own)`);
  const ok = figures.errors === 0 && figures.timeouts === 0 && figures.non2xx === 0;
  console.log(JSON.stringify({ bench: 'load', ...figures, ok }));
  process.exit(ok ? 0 : 1);
}

void main();
