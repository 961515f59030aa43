import { createHash } from 'node:crypto';
import type { KeptPair, MatchPreview, PartnerChange, RunPerson } from '../../shared/api/matching';
import type { Role } from '../../shared/glossary';
import { proposeMatches, type MatchCandidate, type MatchResult } from '../../shared/matching';
import type { Caller } from '../auth/caller';
import type { Directory } from '../directory/directory';
import { personSummaries } from '../directory/directoryCache';
import { syncReportingLines } from '../directory/reportingLineSync';
import { ApiError, notFound } from '../http/errors';
import { livePairStatuses, pairRepository } from '../pairs/pairRepository';
import { programmeRepository } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';
import { latestRunId } from './matchRunQueries';
import { recordRun } from './matchRunner';
import { loadMatchingInputs } from './matchingInputs';

interface Computed {
  result: MatchResult;
  fingerprint: string;
  draftRunId: string | null;
}

const candidateFacts = (c: MatchCandidate) => [c.participant, c.directory, c.seniority];
const sorted = (values: Iterable<string>) => [...values].sort();

/**
 * Runs the engine on what the store holds now, writing nothing, and fingerprints everything the
 * answer depends on (candidates with their facts and chains, rules, pins, blocks, earlier pairs)
 * and the draft it is compared with. The engine is deterministic without a random source, so the
 * same fingerprint means the same result.
 */
async function computeMatching(db: Db, tenantId: string, programmeId: string): Promise<Computed> {
  const programme = await programmeRepository(db, tenantId).load(programmeId);
  if (!programme) throw notFound();
  const { input } = await loadMatchingInputs(db, tenantId, programme);
  const latest = await latestRunId(db, tenantId, programmeId);
  const draft = latest ? await forTenant(db, tenantId).selectFrom('match_runs').select('published_at').where('id', '=', latest).executeTakeFirst() : undefined;
  const draftRunId = latest && draft && !draft.published_at ? latest : null;
  const people = [...input.mentors, ...input.mentees];
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        draftRunId,
        mentors: input.mentors.map(candidateFacts),
        mentees: input.mentees.map(candidateFacts),
        chains: people.map((c) => input.chains(c.participant.userId) ?? null),
        minSeniorityGap: input.policy.minSeniorityGap,
        earlierPairs: sorted(input.policy.earlierPairs),
        adminBlocks: sorted(input.policy.adminBlocks),
        pins: input.pins ?? [],
      }),
    )
    .digest('hex');
  return { result: proposeMatches(input), fingerprint, draftRunId };
}

/**
 * What a re-run would change, before anything changes: published pairs stay as they are (the
 * engine matches only people outside a live pair, and mentors for the places they have left), and
 * the new proposals are compared with the draft under review. Reporting lines are refreshed from
 * Entra ID first, as a run does; that refreshes the directory cache, not the programme.
 */
export async function matchPreviewer(props: { db: Db; directory: Directory; admin: Caller; programmeId: string; now: Date }): Promise<MatchPreview> {
  const { db, directory, admin, programmeId, now } = props;
  if (!(await programmeRepository(db, admin.tenantId).find(programmeId))) throw notFound();
  await syncReportingLines({ db, directory, tenantId: admin.tenantId, now });
  const { result, fingerprint, draftRunId } = await computeMatching(db, admin.tenantId, programmeId);
  const key = (mentorId: string, menteeId: string) => `${mentorId}|${menteeId}`;
  const draftPairs = draftRunId
    ? (await forTenant(db, admin.tenantId).selectFrom('match_proposals').select(['mentor_participant_id', 'mentee_participant_id']).where('run_id', '=', draftRunId).execute()).flatMap((r) =>
        r.mentor_participant_id && r.mentee_participant_id ? [{ mentorId: r.mentor_participant_id, menteeId: r.mentee_participant_id }] : [],
      )
    : [];
  const live = (await pairRepository(db, admin.tenantId).listForProgramme(programmeId)).filter((p) => (livePairStatuses as readonly string[]).includes(p.status));

  const participantIds = [...draftPairs, ...result.proposals].flatMap((p) => [p.mentorId, p.menteeId]).concat(result.unmatched.map((u) => u.participantId));
  const participants = participantIds.length === 0 ? [] : await forTenant(db, admin.tenantId).selectFrom('participants').select(['id', 'user_id', 'role']).where('id', 'in', participantIds).execute();
  const userOf = new Map(participants.map((p) => [p.id, p.user_id]));
  const roleOf = new Map(participants.map((p) => [p.id, p.role as Role]));
  const names = await personSummaries(db, admin.tenantId, [...userOf.values(), ...live.flatMap((p) => [p.mentor_user_id, p.mentee_user_id])]);
  const person = (participantId: string, userId = userOf.get(participantId) ?? ''): RunPerson => {
    const p = names.get(userId);
    return { participantId, userId, displayName: p?.displayName ?? userId, department: p?.department ?? null, jobTitle: p?.jobTitle ?? null };
  };

  const proposed = new Set(result.proposals.map((p) => key(p.mentorId, p.menteeId)));
  const drafted = new Set(draftPairs.map((p) => key(p.mentorId, p.menteeId)));
  const added = result.proposals.filter((p) => !drafted.has(key(p.mentorId, p.menteeId)));
  const dropped = draftPairs.filter((p) => !proposed.has(key(p.mentorId, p.menteeId)));
  const inPair = new Set([...draftPairs, ...live.map((p) => ({ mentorId: p.mentor_participant_id, menteeId: p.mentee_participant_id }))].flatMap((p) => [p.mentorId, p.menteeId]));

  const changes = new Map<string, PartnerChange>();
  const changeOf = (participantId: string) => {
    const existing = changes.get(participantId);
    if (existing) return existing;
    const change = { person: person(participantId), role: roleOf.get(participantId) ?? 'mentee', gains: [], loses: [] };
    changes.set(participantId, change);
    return change;
  };
  const newlyMatched = new Map<string, RunPerson & { role: Role }>();
  for (const p of added) {
    for (const [self, other] of [
      [p.mentorId, p.menteeId],
      [p.menteeId, p.mentorId],
    ] as const) {
      if (inPair.has(self)) changeOf(self).gains.push(person(other).displayName);
      else newlyMatched.set(self, { ...person(self), role: roleOf.get(self) ?? 'mentee' });
    }
  }
  for (const p of dropped) {
    changeOf(p.mentorId).loses.push(person(p.menteeId).displayName);
    changeOf(p.menteeId).loses.push(person(p.mentorId).displayName);
  }

  return {
    fingerprint,
    draftRunId,
    kept: live.map(
      (p): KeptPair => ({
        pairId: p.id,
        mentor: person(p.mentor_participant_id, p.mentor_user_id),
        mentee: person(p.mentee_participant_id, p.mentee_user_id),
        status: p.status as KeptPair['status'],
      }),
    ),
    stays: result.proposals.filter((p) => drafted.has(key(p.mentorId, p.menteeId))).map((p) => ({ mentor: person(p.mentorId), mentee: person(p.menteeId) })),
    changes: [...changes.values()],
    newlyMatched: [...newlyMatched.values()],
    unmatched: result.unmatched.map((u) => ({ ...person(u.participantId), role: u.role, code: u.code })),
  };
}

/**
 * Applies a previewed re-run: the result is kept as the new draft run, exactly the one previewed.
 * If anything it was computed from changed meanwhile (someone enrolled or was paired, a pin or
 * block, a reporting line, another run), nothing is written and the admin previews again.
 */
export async function matchPreviewApplier(props: { db: Db; admin: Caller; programmeId: string; fingerprint: string; now: Date }): Promise<{ runId: string; result: MatchResult }> {
  const { db, admin, programmeId, fingerprint, now } = props;
  return db.transaction().execute(async (trx) => {
    // Two admins applying at once take turns, so the second one sees the first one's run.
    const programme = await forTenant(trx, admin.tenantId).selectFrom('programmes').select('id').where('id', '=', programmeId).forUpdate().executeTakeFirst();
    if (!programme) throw notFound();
    const computed = await computeMatching(trx, admin.tenantId, programmeId);
    if (computed.fingerprint !== fingerprint) throw new ApiError('conflict', { key: 'conflict.previewStale' });
    return { runId: await recordRun(trx, admin, programmeId, computed.result, now), result: computed.result };
  });
}
