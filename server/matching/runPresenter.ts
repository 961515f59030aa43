import type { MatchRunView } from '../../shared/api/matching';
import { personSummaries } from '../directory/directoryCache';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';
import { pairReasonsOf, unmatchedReasonOf } from './proposalReasons';

/** A matching run as the admin reviews it: proposals with reasons, the unmatched with why. */
export async function presentRun(db: Db, tenantId: string, runId: string): Promise<MatchRunView> {
  const run = await forTenant(db, tenantId).selectFrom('match_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  const rows = await forTenant(db, tenantId).selectFrom('match_proposals').selectAll().where('run_id', '=', runId).execute();
  const participantIds = rows.flatMap((r) => [r.mentor_participant_id, r.mentee_participant_id]).filter((id): id is string => id !== null);
  const participants =
    participantIds.length === 0
      ? []
      : await forTenant(db, tenantId).selectFrom('participants').select(['id', 'user_id']).where('id', 'in', participantIds).execute();
  const userOf = new Map(participants.map((p) => [p.id, p.user_id]));
  const people = await personSummaries(db, tenantId, [...userOf.values()]);
  const person = (participantId: string) => {
    const userId = userOf.get(participantId) ?? '';
    const p = people.get(userId);
    return { participantId, userId, displayName: p?.displayName ?? userId, department: p?.department ?? null, jobTitle: p?.jobTitle ?? null };
  };
  const byScore = (a: { score: number | null }, b: { score: number | null }) => (b.score ?? 0) - (a.score ?? 0);
  return {
    id: run.id,
    programmeId: run.programme_id,
    createdAt: run.created_at.toISOString(),
    publishedAt: run.published_at?.toISOString() ?? null,
    totalScore: run.total_score,
    proposals: rows
      .filter((r) => r.mentor_participant_id && r.mentee_participant_id)
      .sort(byScore)
      .map((r) => ({ mentor: person(r.mentor_participant_id!), mentee: person(r.mentee_participant_id!), score: r.score, reasons: pairReasonsOf(r.reasons, r), pinned: r.pinned })),
    unmatched: rows
      .filter((r) => !r.mentor_participant_id || !r.mentee_participant_id)
      .map((r) => ({
        ...person((r.mentor_participant_id ?? r.mentee_participant_id)!),
        role: r.mentor_participant_id ? ('mentor' as const) : ('mentee' as const),
        code: r.unmatched_code,
        reason: unmatchedReasonOf(r.reasons, r),
      })),
  };
}
