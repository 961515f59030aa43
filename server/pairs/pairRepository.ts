import type { Selectable, Transaction } from 'kysely';
import type { PairState } from '../../shared/pairLifecycle';
import type { Db } from '../store/database';
import type { Database, PairTable } from '../store/schema';
import { forTenant } from '../store/tenantScope';

export type PairRow = Selectable<PairTable>;

/** Statuses of a pair that still hold both people. */
export const livePairStatuses = ['proposed', 'accepted', 'active', 'paused'] as const;

export function pairStateOf(row: PairRow): PairState {
  return {
    status: row.status,
    mentorAccepted: row.mentor_accepted_at !== null,
    menteeAccepted: row.mentee_accepted_at !== null,
    endReason: (row.end_reason as PairState['endReason']) ?? null,
  };
}

/** Pairs of one tenant. */
export function pairRepository(db: Db | Transaction<Database>, tenantId: string) {
  const scoped = () => forTenant(db, tenantId).selectFrom('pairs').selectAll();
  return {
    async find(id: string): Promise<PairRow | undefined> {
      return scoped().where('id', '=', id).executeTakeFirst();
    },
    /** Locks the pair row for the rest of the transaction, so two changes cannot interleave. */
    async findForUpdate(id: string): Promise<PairRow | undefined> {
      return scoped().where('id', '=', id).forUpdate().executeTakeFirst();
    },
    async listForUser(userId: string): Promise<PairRow[]> {
      return scoped()
        .where((eb) => eb.or([eb('mentor_user_id', '=', userId), eb('mentee_user_id', '=', userId)]))
        .orderBy('created_at', 'desc')
        .execute();
    },
    async listForProgramme(programmeId: string): Promise<PairRow[]> {
      return scoped().where('programme_id', '=', programmeId).orderBy('created_at').execute();
    },
    async listAll(): Promise<PairRow[]> {
      return scoped().execute();
    },
    async insert(row: Omit<PairRow, 'tenant_id' | 'version' | 'created_at'>): Promise<void> {
      await db.insertInto('pairs').values({ ...row, tenant_id: tenantId }).execute();
    },
    async saveState(row: PairRow, state: PairState, at: Date): Promise<void> {
      const becameActive = state.status === 'active' && row.started_at === null;
      await forTenant(db, tenantId)
        .updateTable('pairs')
        .set({
          status: state.status,
          mentor_accepted_at: state.mentorAccepted ? (row.mentor_accepted_at ?? at) : null,
          mentee_accepted_at: state.menteeAccepted ? (row.mentee_accepted_at ?? at) : null,
          started_at: becameActive ? at : row.started_at,
          ended_at: state.status === 'ended' ? at : null,
          end_reason: state.endReason,
          version: row.version + 1,
        })
        .where('id', '=', row.id)
        .execute();
    },
  };
}
