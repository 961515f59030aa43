import { runLoad } from '../../bench/load/loadBench';
import { testEngines } from '../harness/databases';

// The full run (npm run bench:load: 200 people, 60 s, Postgres) is recorded in the README; this keeps it honest in CI.
describe('load smoke run', () => {
  it('serves workspace reads and agenda writes from 20 people for 3 s without an error', async () => {
    const engine = testEngines().at(-1)!;
    const figures = await runLoad({ connections: 20, durationSeconds: 3, engine });
    expect({ errors: figures.errors, timeouts: figures.timeouts, non2xx: figures.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(figures.requests).toBeGreaterThan(20);
    expect(figures.agendaItemsWritten).toBeGreaterThan(10);
  }, 60_000);

  // The bare baseline opens a second connection to the service's database: Postgres only (CI has it).
  const postgres = testEngines().find((e) => e.name === 'postgres');
  (postgres ? it : it.skip)('runs the bare baseline on the same database with the statements Upward sent, writing agenda items without an error', async () => {
    const figures = await runLoad({ connections: 20, durationSeconds: 3, engine: postgres, baseline: true });
    const bare = figures.baseline!;
    expect({ errors: bare.errors, timeouts: bare.timeouts, non2xx: bare.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(bare.statementsPerWrite).toBeGreaterThan(1);
    expect(bare.statementsPerRead).toBeGreaterThan(1);
    expect(bare.agendaItemsWritten).toBeGreaterThan(10);
  }, 90_000);
});
