import type { Selectable } from 'kysely';
import type { Db } from '../store/database';
import { json, readStoredObject } from '../store/json';
import type { ParticipantTable } from '../store/schema';
import { defaultProfile, type StoredProfile, storedProfileSchema } from '../../shared/schemas/participant';
import { forTenant } from '../store/tenantScope';

/** A participant with their profile read. */
export type ParticipantRow = Omit<Selectable<ParticipantTable>, 'profile'> & { profile: StoredProfile };

/** A participant's stored profile, each missing or unreadable answer as its default. */
export function participantProfileOf(raw: unknown, participantId: string): StoredProfile {
  return readStoredObject(storedProfileSchema.shape, defaultProfile, raw, { table: 'participants', column: 'profile', id: participantId });
}

export const participantOf = (row: Selectable<ParticipantTable>): ParticipantRow => ({ ...row, profile: participantProfileOf(row.profile, row.id) });

export interface NewParticipant {
  id: string;
  programmeId: string;
  userId: string;
  role: 'mentor' | 'mentee';
  profile: StoredProfile;
  capacity: number;
  enrolledBy: string;
}

/** Participants of one tenant's programmes. */
export function participantRepository(db: Db, tenantId: string) {
  const scoped = () => forTenant(db, tenantId).selectFrom('participants').selectAll();
  return {
    async insertMany(people: readonly NewParticipant[]): Promise<void> {
      if (people.length === 0) return;
      await db
        .insertInto('participants')
        .values(
          people.map((p) => ({
            tenant_id: tenantId,
            id: p.id,
            programme_id: p.programmeId,
            user_id: p.userId,
            role: p.role,
            profile: json(p.profile),
            capacity: p.capacity,
            status: 'enrolled' as const,
            enrolled_by: p.enrolledBy,
          })),
        )
        .execute();
    },
    /** Re-enrols someone who had withdrawn, with their new answers. */
    async reenrol(p: NewParticipant & { existingId: string }): Promise<void> {
      await forTenant(db, tenantId)
        .updateTable('participants')
        .set({ role: p.role, profile: json(p.profile), capacity: p.capacity, status: 'enrolled', enrolled_by: p.enrolledBy })
        .where('id', '=', p.existingId)
        .execute();
    },
    async listForProgramme(programmeId: string): Promise<ParticipantRow[]> {
      return (await scoped().where('programme_id', '=', programmeId).orderBy('created_at').orderBy('id').execute()).map(participantOf);
    },
    async findInProgramme(programmeId: string, userId: string): Promise<ParticipantRow | undefined> {
      const row = await scoped().where('programme_id', '=', programmeId).where('user_id', '=', userId).executeTakeFirst();
      return row && participantOf(row);
    },
    async find(programmeId: string, participantId: string): Promise<ParticipantRow | undefined> {
      const row = await scoped().where('programme_id', '=', programmeId).where('id', '=', participantId).executeTakeFirst();
      return row && participantOf(row);
    },
    async usersEnrolled(programmeId: string, userIds: readonly string[]): Promise<Set<string>> {
      if (userIds.length === 0) return new Set();
      const rows = await forTenant(db, tenantId)
        .selectFrom('participants')
        .select('user_id')
        .where('programme_id', '=', programmeId)
        .where('user_id', 'in', [...userIds])
        .execute();
      return new Set(rows.map((r) => r.user_id));
    },
    async listForUser(userId: string): Promise<ParticipantRow[]> {
      return (await scoped().where('user_id', '=', userId).orderBy('created_at').execute()).map(participantOf);
    },
    async withdraw(participantId: string): Promise<void> {
      await forTenant(db, tenantId)
        .updateTable('participants')
        .set({ status: 'withdrawn' })
        .where('id', '=', participantId)
        .execute();
    },
  };
}
