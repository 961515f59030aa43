import type { Selectable } from 'kysely';
import type { Db } from '../store/database';
import { json } from '../store/json';
import type { ProgrammeTable } from '../store/schema';
import { forTenant } from '../store/tenantScope';

export type ProgrammeRow = Selectable<ProgrammeTable>;

export interface ProgrammeRecord {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  details: Record<string, unknown>;
  startsOn: string;
  endsOn: string;
  status: ProgrammeRow['status'];
  createdBy: string;
  updatedAt: Date;
}

/** Programmes of one tenant; every query is scoped by the tenant it was made for. */
export function programmeRepository(db: Db, tenantId: string) {
  const scoped = () => forTenant(db, tenantId).selectFrom('programmes').selectAll();
  return {
    async insert(p: ProgrammeRecord): Promise<void> {
      await db
        .insertInto('programmes')
        .values({
          tenant_id: tenantId,
          id: p.id,
          name: p.name,
          settings: json(p.settings),
          details: json(p.details),
          starts_on: p.startsOn,
          ends_on: p.endsOn,
          status: p.status,
          created_by: p.createdBy,
          updated_at: p.updatedAt,
        })
        .execute();
    },
    async list(): Promise<ProgrammeRow[]> {
      return scoped().orderBy('starts_on', 'desc').orderBy('name').execute();
    },
    async find(id: string): Promise<ProgrammeRow | undefined> {
      return scoped().where('id', '=', id).executeTakeFirst();
    },
    async update(p: ProgrammeRecord): Promise<void> {
      await forTenant(db, tenantId)
        .updateTable('programmes')
        .set({
          name: p.name,
          settings: json(p.settings),
          details: json(p.details),
          ends_on: p.endsOn,
          status: p.status,
          updated_at: p.updatedAt,
        })
        .where('id', '=', p.id)
        .execute();
    },
  };
}
