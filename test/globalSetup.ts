import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { pgliteTemplatePath, testPostgresUrl, writePgliteTemplate } from './harness/databases';

/**
 * Finds out once, before any test file runs, whether the Postgres server answers, so that
 * store tests run on both engines. Workers inherit the environment set here.
 */
export default async function globalSetup(): Promise<void> {
  buildOnce();
  // Workers inherit the run's id, and with it where the migrated PGlite copy every test database starts from lies.
  process.env.UPWARD_TEST_RUN = String(process.pid);
  await writePgliteTemplate(pgliteTemplatePath());
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

/**
 * Builds the service and the web assets once for the whole run (a few seconds), so the browser
 * and manifest tests never race each other rebuilding the same folders.
 */
function buildOnce(): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed before the tests:\n${result.stdout}\n${result.stderr}`);
}
