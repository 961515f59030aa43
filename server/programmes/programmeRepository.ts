import type { Selectable } from 'kysely';
import { defaultProgrammeSettings, type ProgrammeSettings, programmeSettingsSchema } from '../../shared/programmeSettings';
import { defaultProgrammeDetails, type ProgrammeDetails, programmeDetailsSchema } from '../../shared/schemas/programme';
import type { Db } from '../store/database';
import { json, readStoredObject } from '../store/json';
import type { ProgrammeTable } from '../store/schema';
import { forTenant } from '../store/tenantScope';

/** A programme as stored: its settings and details not yet read (see `programmeOf`). */
export type ProgrammeRow = Selectable<ProgrammeTable>;

/** A programme with its settings and details read, every field present. */
export type Programme = Omit<ProgrammeRow, 'settings' | 'details'> & { settings: ProgrammeSettings; details: ProgrammeDetails };

/** A programme's stored settings, each missing or unreadable field as its default. */
export function programmeSettingsOf(raw: unknown, programmeId: string): ProgrammeSettings {
  return readStoredObject(programmeSettingsSchema.shape, defaultProgrammeSettings, raw, { table: 'programmes', column: 'settings', id: programmeId });
}

/** A programme's stored details, each missing or unreadable field as its default. */
export function programmeDetailsOf(raw: unknown, programmeId: string): ProgrammeDetails {
  return readStoredObject(programmeDetailsSchema.shape, defaultProgrammeDetails, raw, { table: 'programmes', column: 'details', id: programmeId });
}

export function programmeOf(row: ProgrammeRow): Programme {
  return { ...row, settings: programmeSettingsOf(row.settings, row.id), details: programmeDetailsOf(row.details, row.id) };
}

export interface ProgrammeRecord {
  id: string;
  name: string;
  /** A programme may be written with some settings only: the others read as their defaults. */
  settings: Partial<ProgrammeSettings>;
  /** Keys other than the details named here are kept as written, and ignored when read. */
  details: Partial<ProgrammeDetails> & Record<string, unknown>;
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
    async list(): Promise<Programme[]> {
      return (await scoped().orderBy('starts_on', 'desc').orderBy('name').execute()).map(programmeOf);
    },
    /** The programme as stored, for a look at its plain columns. */
    async find(id: string): Promise<ProgrammeRow | undefined> {
      return scoped().where('id', '=', id).executeTakeFirst();
    },
    /** The programme with its settings and details read. */
    async load(id: string): Promise<Programme | undefined> {
      const row = await scoped().where('id', '=', id).executeTakeFirst();
      return row && programmeOf(row);
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
