import type { AdminConcernView } from '../../shared/api/workspace';
import { personSummaries } from '../directory/directoryCache';
import { programmeDetailsOf } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';
import { type ConcernEntryRow, type ConcernRow, concernEntries } from './commands/concernCommands';
import { presentConcernEntry, presentOwnConcern } from './workspacePresenter';

/**
 * Concerns as programme admins handle them: who raised each, about which pair (the two names,
 * nothing of their workspace), the programme and whom it names for escalation, and the whole
 * history with who wrote each step, notes included.
 */
export async function adminConcernViews(db: Db, tenantId: string, rows: readonly ConcernRow[]): Promise<AdminConcernView[]> {
  if (rows.length === 0) return [];
  const tenant = forTenant(db, tenantId);
  const pairIds = [...new Set(rows.flatMap((c) => (c.pair_id ? [c.pair_id] : [])))];
  const programmeIds = [...new Set(rows.map((c) => c.programme_id))];
  const [entries, pairs, programmes] = await Promise.all([
    concernEntries(db, tenantId, rows.map((c) => c.id), true),
    pairIds.length ? tenant.selectFrom('pairs').select(['id', 'mentor_user_id', 'mentee_user_id']).where('id', 'in', pairIds).execute() : [],
    tenant.selectFrom('programmes').select(['id', 'name', 'details']).where('id', 'in', programmeIds).execute(),
  ]);
  const people = await personSummaries(db, tenantId, [
    ...rows.map((c) => c.raised_by_user_id),
    ...entries.map((e) => e.author_user_id),
    ...pairs.flatMap((p) => [p.mentor_user_id, p.mentee_user_id]),
  ]);
  // Someone the directory no longer knows still shows as who they were to the programme.
  const nameOf = (userId: string) => people.get(userId)?.displayName ?? userId;
  const pairById = new Map(pairs.map((p) => [p.id, p]));
  const programmeById = new Map(programmes.map((p) => [p.id, p]));
  return rows.map((c) => {
    const pair = c.pair_id ? pairById.get(c.pair_id) : undefined;
    const programme = programmeById.get(c.programme_id)!;
    const mine: ConcernEntryRow[] = entries.filter((e) => e.concern_id === c.id);
    return {
      ...presentOwnConcern(c, []),
      programmeName: programme.name,
      raisedBy: { userId: c.raised_by_user_id, name: nameOf(c.raised_by_user_id) },
      pair: pair ? { mentorName: nameOf(pair.mentor_user_id), menteeName: nameOf(pair.mentee_user_id) } : null,
      escalationContact: programmeDetailsOf(programme.details, programme.id).escalationContact,
      history: mine.map((e) => ({ ...presentConcernEntry(e), byName: nameOf(e.author_user_id) })),
    };
  });
}
