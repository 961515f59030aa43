import type { Selectable } from 'kysely';
import type { Db } from '../store/database';
import { json } from '../store/json';
import type { ParticipantTable } from '../store/schema';
import type { ProfileInput } from '../../shared/schemas/participant';
import { forTenant } from '../store/tenantScope';

export type ParticipantRow = Selectable<ParticipantTable>;

export interface NewParticipant {
  id: string;
  programmeId: string;
  userId: string;
  role: 'mentor' | 'mentee';
  profile: Omit<ProfileInput, 'capacity'>;
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
      return scoped().where('programme_id', '=', programmeId).orderBy('created_at').orderBy('id').execute();
    },
    async findInProgramme(programmeId: string, userId: string): Promise<ParticipantRow | undefined> {
      return scoped().where('programme_id', '=', programmeId).where('user_id', '=', userId).executeTakeFirst();
    },
    async find(programmeId: string, participantId: string): Promise<ParticipantRow | undefined> {
      return scoped().where('programme_id', '=', programmeId).where('id', '=', participantId).executeTakeFirst();
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
      return scoped().where('user_id', '=', userId).orderBy('created_at').execute();
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
