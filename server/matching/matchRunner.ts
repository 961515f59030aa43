import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { proposeMatches, type MatchResult } from '../../shared/matching';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import type { Directory } from '../directory/directory';
import { syncReportingLines } from '../directory/reportingLineSync';
import { notFound } from '../http/errors';
import { programmeRepository } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import type { Database } from '../store/schema';
import { json } from '../store/json';
import { loadMatchingInputs } from './matchingInputs';

/**
 * Runs the matching engine for a programme and keeps the result as a run the admin reviews:
 * each proposal with its reasons, each unmatched person with why. Reporting lines and directory
 * facts are read afresh from Entra ID first; anyone whose chain is still unknown is never paired.
 */
export async function matchRunner(props: { db: Db; directory: Directory; actor: Caller; programmeId: string; now: Date }): Promise<{ runId: string; result: MatchResult }> {
  const { db, directory, actor, programmeId, now } = props;
  const programme = await programmeRepository(db, actor.tenantId).load(programmeId);
  if (!programme) throw notFound();
  await syncReportingLines({ db, directory, tenantId: actor.tenantId, now });
  const { input } = await loadMatchingInputs(db, actor.tenantId, programme);
  const result = proposeMatches(input);
  const runId = await db.transaction().execute((trx) => recordRun(trx, actor, programmeId, result, now));
  return { runId, result };
}

/** Keeps an engine result as a new run of the programme (the draft the admin reviews), audited. */
export async function recordRun(trx: Transaction<Database>, actor: Caller, programmeId: string, result: MatchResult, now: Date): Promise<string> {
  const runId = randomUUID();
  await trx
    .insertInto('match_runs')
    .values({ tenant_id: actor.tenantId, id: runId, programme_id: programmeId, total_score: result.totalScore, created_by: actor.userId, created_at: now, published_at: null, published_by: null })
    .execute();
  const rows = [
    ...result.proposals.map((p) => ({
      mentor_participant_id: p.mentorId,
      mentee_participant_id: p.menteeId,
      score: p.score,
      reasons: json(p.reasons),
      pinned: p.pinned,
      unmatched_code: null,
    })),
    ...result.unmatched.map((u) => ({
      mentor_participant_id: u.role === 'mentor' ? u.participantId : null,
      mentee_participant_id: u.role === 'mentee' ? u.participantId : null,
      score: null,
      reasons: json([u.reason]),
      pinned: false,
      unmatched_code: u.code,
    })),
  ];
  if (rows.length > 0) {
    await trx
      .insertInto('match_proposals')
      .values(rows.map((r) => ({ ...r, tenant_id: actor.tenantId, id: randomUUID(), programme_id: programmeId, run_id: runId, created_at: now })))
      .execute();
  }
  await recordAudit(trx, actor, 'matching.run', runId, now);
  return runId;
}
