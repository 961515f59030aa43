import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export type DatabaseTarget =
  | {
      kind: 'pglite';
      dataDir: string | null;
      /** A data directory dumped by PGlite's dumpDataDir to start from instead of running initdb (tests start from one migrated copy). */
      template?: Blob;
    }
  | {
      kind: 'postgres';
      url: string;
      maxConnections?: number;
      /** Asked for each new connection the server wants a password for (Entra tokens expire; the URL's password does not). */
      password?: () => Promise<string>;
    };

export interface OpenDatabase {
  db: Db;
  engine: DatabaseTarget['kind'];
  close(): Promise<void>;
}

// Both engines return the same JavaScript values, so no business code converts what it reads:
// counts (bigint) as numbers, since they always fit (`countAll<number>()` is then true), calendar
// dates as 'YYYY-MM-DD' text, since a Date would shift them by the time zone, and timestamps as
// Dates (both drivers' own default), so `min`/`max` of a timestamp column read as the column's
// type. store.test.ts checks each on both engines.
const INT8 = 20;
const DATE = 1082;
const parsers = { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v };
pg.types.setTypeParser(INT8, parsers[INT8]);
pg.types.setTypeParser(DATE, parsers[DATE]);

/**
 * Opens the one database Upward uses: embedded PGlite persisted in a folder (null: in memory),
 * or a Postgres server. The rest of the code sees the same Kysely either way. `log` sees every
 * statement as sent, with its parameters (the tenant-scoping test reads them).
 */
export async function openDatabase(target: DatabaseTarget, log?: LogConfig): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    // A connection string's missing password reads as '' and would win over a password callback, so parse it first.
    const connection = target.password ? { ...parseIntoClientConfig(target.url), password: target.password } : { connectionString: target.url };
    const pool = new pg.Pool({ ...connection, max: target.maxConnections ?? 10 });
    // An idle connection whose server went away (a restart, a failover) is dropped by the pool and
    // the next query opens a new one; without a listener the error would end the process. A
    // connection lent out between two statements (inside a transaction) reports the loss on the
    // client itself: its next statement fails, and the pool drops it when it comes back.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (target.dataDir) fs.mkdirSync(path.resolve(target.dataDir), { recursive: true });
  const pglite = new PGlite({ dataDir: target.dataDir ? path.resolve(target.dataDir, 'pglite') : undefined, loadDataDir: target.template, parsers });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), log });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
