import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type LogConfig } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../../server/store/database';
import { migrateToLatest } from '../../server/store/migrate';
import type { Database } from '../../server/store/schema';

/** The Postgres server tests use; CI makes sure it runs (see .ci/run). */
export const testPostgresUrl = process.env.UPWARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends OpenDatabase {
  /** The connection string (Postgres only), for a service started as a separate process. */
  url?: string;
  /** Drops the database (Postgres) or discards it (PGlite). */
  drop(): Promise<void>;
}

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /**
   * maxConnections: the Postgres pool (5 unless a test or benchmark needs more); PGlite has one connection.
   * log: Kysely's statement log, for tests that read what the service sends.
   */
  create(options?: { maxConnections?: number; log?: LogConfig }): Promise<TestDatabase>;
}

/** Where Jest's global setup leaves a migrated PGlite data directory for the run (see test/globalSetup.ts). */
export function pgliteTemplatePath(): string {
  return path.join(os.tmpdir(), `upward-pglite-template-${process.env.UPWARD_TEST_RUN ?? process.pid}.tar`);
}

/**
 * Writes a freshly migrated PGlite data directory where the run's databases start from: PGlite's
 * initdb costs seconds each time (most of a service test's start-up), loading a dump about one.
 */
export async function writePgliteTemplate(file: string): Promise<void> {
  const pglite = new PGlite();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateToLatest(db);
    const dump = await pglite.dumpDataDir('none');
    fs.writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.partial`, file);
  } finally {
    await db.destroy();
  }
}

function pgliteTemplate(): Blob | undefined {
  const file = process.env.UPWARD_TEST_RUN ? pgliteTemplatePath() : null;
  return file && fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : undefined;
}

const pglite: TestEngine = {
  name: 'pglite',
  async create({ log } = {}) {
    const open = await openDatabase({ kind: 'pglite', dataDir: null, template: pgliteTemplate() }, log);
    // A no-op on the template, which is already at the latest migration; a full run without one (a single file run through another setup) migrates here.
    await migrateToLatest(open.db);
    return { ...open, drop: open.close };
  },
};

const postgres: TestEngine = {
  name: 'postgres',
  async create({ maxConnections = 5, log } = {}) {
    const name = `upward_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(testPostgresUrl);
    url.pathname = `/${name}`;
    const open = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections }, log);
    await migrateToLatest(open.db);
    return {
      ...open,
      url: url.toString(),
      async drop() {
        await open.close();
        const dropper = new pg.Client({ connectionString: testPostgresUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  },
};

/**
 * The engines repository tests run against: PGlite always, and the Postgres server when Jest's
 * global setup found it answering (see test/globalSetup.ts, which prints a notice otherwise and
 * fails when CI requires the server).
 */
export function testEngines(): TestEngine[] {
  return process.env.UPWARD_TEST_POSTGRES_AVAILABLE === '1' ? [pglite, postgres] : [pglite];
}

/** Runs a suite once per engine, each with a fresh migrated database. */
export function describeEachEngine(name: string, suite: (database: () => TestDatabase) => void): void {
  describe.each(testEngines().map((engine) => [engine.name, engine] as const))(`${name} [%s]`, (_engineName, engine) => {
    let current: TestDatabase | undefined;
    beforeAll(async () => {
      current = await engine.create();
    });
    afterAll(async () => {
      await current?.drop();
    });
    suite(() => {
      if (!current) throw new Error('the test database is not open yet');
      return current;
    });
  });
}
