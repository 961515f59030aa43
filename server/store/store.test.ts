import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describeEachEngine } from '../../test/harness/databases';
import { openDatabase } from './database';
import { migrateToLatest } from './migrate';
import { forTenant } from './tenantScope';
import { programmeRepository, type ProgrammeRecord } from '../programmes/programmeRepository';

const tenantA = 'tenant-a';
const tenantB = 'tenant-b';

function programme(id: string, name: string): ProgrammeRecord {
  return {
    id,
    name,
    settings: { cadenceDays: 14 },
    details: { list: ['a', 'b'] },
    startsOn: '2026-01-05',
    endsOn: '2026-10-05',
    status: 'draft',
    createdBy: 'admin',
    updatedAt: new Date('2026-01-01T10:00:00Z'),
  };
}

describeEachEngine('store', (database) => {
  it('leads every primary key with tenant_id', async () => {
    const { rows } = await sql<{ table_name: string; first_column: string }>`
      select tc.table_name, kcu.column_name as first_column
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name and kcu.ordinal_position = 1
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public' and tc.table_name not like 'upward_migration%'`.execute(
      database().db,
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect([row.table_name, row.first_column]).toEqual([row.table_name, 'tenant_id']);
  });

  it('keeps each tenant to its own rows, even with the same ids', async () => {
    const id = '0b6f0f3e-7a43-4d9e-9d3c-1f0b6f0f3e7a';
    await programmeRepository(database().db, tenantA).insert(programme(id, 'Inclusion 2026'));
    await programmeRepository(database().db, tenantB).insert(programme(id, 'Other tenant'));
    const a = await programmeRepository(database().db, tenantA).list();
    expect(a.map((p) => p.name)).toEqual(['Inclusion 2026']);
    expect((await programmeRepository(database().db, tenantB).find(id))?.name).toBe('Other tenant');
    expect(await programmeRepository(database().db, 'tenant-c').find(id)).toBeUndefined();
  });

  it('holds a table named by an alias to the tenant through its alias', async () => {
    const query = forTenant(database().db, tenantA).selectFrom('programmes as g').select('g.name');
    expect(query.compile().sql).toContain('"g"."tenant_id" = $1');
    expect(await query.execute()).toEqual([{ name: 'Inclusion 2026' }]);
  });

  it('returns the same values on both engines: dates as text, json as objects, timestamps as Dates', async () => {
    const row = await programmeRepository(database().db, tenantA).find('0b6f0f3e-7a43-4d9e-9d3c-1f0b6f0f3e7a');
    expect(row?.starts_on).toBe('2026-01-05');
    expect(row?.details).toEqual({ list: ['a', 'b'] });
    expect(row?.updated_at).toBeInstanceOf(Date);
    expect(row?.updated_at.toISOString()).toBe('2026-01-01T10:00:00.000Z');
  });

  it('returns aggregates as the same values on both engines: counts as numbers, min and max of timestamps as Dates', async () => {
    const db = database().db;
    const row = await forTenant(db, tenantA)
      .selectFrom('programmes')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('updated_at').as('first'), eb.fn.max('starts_on').as('latest_start')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ count: 1, first: new Date('2026-01-01T10:00:00Z'), latest_start: '2026-01-05' });
  });

  it('does not apply a migration twice', async () => {
    expect(await migrateToLatest(database().db)).toEqual([]);
  });
});

describe('embedded database', () => {
  it('keeps what was written when the service restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upward-data-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir });
      await migrateToLatest(first.db);
      await programmeRepository(first.db, tenantA).insert(programme('5f0b6f0f-3e7a-4d9e-9d3c-1f0b6f0f3e7a', 'Persisted'));
      await first.close();

      const second = await openDatabase({ kind: 'pglite', dataDir });
      expect(await migrateToLatest(second.db)).toEqual([]);
      const rows = await programmeRepository(second.db, tenantA).list();
      expect(rows.map((r) => r.name)).toEqual(['Persisted']);
      await second.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
