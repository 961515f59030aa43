import pg from 'pg';
import { testPostgresUrl } from '../server/testing/databases';

/**
 * Finds out once, before any test file runs, whether the Postgres server answers, so that
 * store tests run on both engines. Workers inherit the environment set here.
 */
export default async function globalSetup(): Promise<void> {
  const url = testPostgresUrl;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  let reachable = false;
  try {
    await client.connect();
    await client.query('select 1');
    reachable = true;
  } catch {
    reachable = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!reachable && process.env.UPWARD_REQUIRE_POSTGRES) {
    throw new Error(`UPWARD_REQUIRE_POSTGRES is set but no Postgres server answers at ${url}.`);
  }
  if (!reachable) console.warn(`\nNotice: no Postgres server at ${url}; the Postgres leg of the store tests is skipped.\n`);
  process.env.UPWARD_TEST_POSTGRES_AVAILABLE = reachable ? '1' : '0';
}
