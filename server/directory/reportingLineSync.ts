import { canPair, type PairBlockCode } from '../../shared/pairingRules';
import { recordDomainEvent } from '../events/domainEvents';
import type { Db } from '../store/database';
import type { Directory } from './directory';
import { chainLookup, storedChains, storePeopleWithChains } from './reportingChainStore';
import { forTenant } from '../store/tenantScope';

export interface ReportingLineSyncProps {
  db: Db;
  directory: Directory;
  tenantId: string;
  now: Date;
}

export interface SyncReport {
  /** People whose chain was read from the directory. */
  synced: number;
  /** Pairs newly marked ineligible (a `pair.ineligible` event recorded for each). */
  ineligiblePairs: string[];
}

export const pairIneligibleEvent = 'pair.ineligible';
const deltaCursorKey = 'users.delta';
/** Pairs still running or about to: an ended pair or a mere proposal needs no reorganisation notice. */
const livePairStatuses = ['accepted', 'active', 'paused'] as const;
/** The pairing rules about reporting lines; the rest (seniority, history) does not change with a reorganisation. */
const chainRules: ReadonlySet<PairBlockCode> = new Set(['same-chain', 'same-manager']);

async function enrolledUserIds(db: Db, tenantId: string): Promise<string[]> {
  const rows = await forTenant(db, tenantId)
    .selectFrom('participants')
    .select('user_id')
    .distinct()
    .where('status', '=', 'enrolled')
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Marks live pairs of these people that the reporting-line rules now forbid. The pair itself is
 * left alone: the bot and the admin act on the event (a private, no-fault re-pair). The payload
 * says which rule, never whose manager.
 */
async function flagIneligiblePairs(db: Db, tenantId: string, userIds: readonly string[], now: Date): Promise<string[]> {
  if (userIds.length === 0) return [];
  const ids = [...new Set(userIds)];
  const pairs = await forTenant(db, tenantId)
    .selectFrom('pairs')
    .select(['id', 'programme_id', 'mentor_user_id', 'mentee_user_id'])
    .where('status', 'in', livePairStatuses)
    .where((eb) => eb.or([eb('mentor_user_id', 'in', ids), eb('mentee_user_id', 'in', ids)]))
    .execute();
  if (pairs.length === 0) return [];
  const chains = await chainLookup(db, tenantId, pairs.flatMap((p) => [p.mentor_user_id, p.mentee_user_id]));
  const open = await forTenant(db, tenantId)
    .selectFrom('domain_events')
    .select('subject_id')
    .where('kind', '=', pairIneligibleEvent)
    .where('subject_id', 'in', pairs.map((p) => p.id))
    .execute();
  const alreadyOpen = new Set(open.map((e) => e.subject_id));
  const noPolicy = { minSeniorityGap: 0, earlierPairs: new Set<string>(), adminBlocks: new Set<string>() };

  const flagged: string[] = [];
  for (const pair of pairs) {
    const verdict = canPair(
      { userId: pair.mentor_user_id, role: 'mentor', seniority: null },
      { userId: pair.mentee_user_id, role: 'mentee', seniority: null },
      chains,
      noPolicy,
    );
    const reasons = verdict.allowed ? [] : verdict.reasons.filter((r) => chainRules.has(r.code));
    if (reasons.length === 0 || alreadyOpen.has(pair.id)) continue;
    await recordDomainEvent(db, {
      tenantId,
      kind: pairIneligibleEvent,
      subjectId: pair.id,
      payload: { programmeId: pair.programme_id, reasons: reasons.map((r) => ({ code: r.code, message: r.message })) },
      at: now,
    });
    flagged.push(pair.id);
  }
  return flagged;
}

/**
 * Reads the chains and directory facts of these people (every enrolled participant when
 * omitted) in as few Graph calls as possible, stores them, and re-checks their live pairs.
 */
export async function syncReportingLines(props: ReportingLineSyncProps & { userIds?: readonly string[] }): Promise<SyncReport> {
  const { db, directory, tenantId, now } = props;
  const userIds = props.userIds ?? (await enrolledUserIds(db, tenantId));
  if (userIds.length === 0) return { synced: 0, ineligiblePairs: [] };
  const read = await directory.peopleWithChains(tenantId, userIds);
  await storePeopleWithChains(db, tenantId, read.values(), now);
  return { synced: read.size, ineligiblePairs: await flagIneligiblePairs(db, tenantId, userIds, now) };
}

/**
 * Follows the directory's changes since the last run (Graph's `/users/delta`). A participant
 * needs a fresh chain when they, or anyone above them, moved, or when it has none yet. The first run (or a run after the
 * delta token expired) re-reads every participant. The cursor is saved only after the work is
 * stored, so a failed run reads the same changes again.
 */
export async function syncReportingLineChanges(props: ReportingLineSyncProps): Promise<SyncReport> {
  const { db, directory, tenantId, now } = props;
  const state = await forTenant(db, tenantId)
    .selectFrom('sync_state')
    .select('value')
    .where('key', '=', deltaCursorKey)
    .executeTakeFirst();
  const changes = await directory.changes(tenantId, state?.value ?? null);

  let report: SyncReport;
  if (changes.baseline) {
    report = await syncReportingLines(props);
  } else {
    const enrolled = await enrolledUserIds(db, tenantId);
    const chains = await storedChains(db, tenantId, enrolled);
    // Participants enrolled since the last run have no chain yet; they are read now too.
    const affected = enrolled.filter((id) => {
      const chain = chains.get(id);
      return !chain || changes.changedIds.has(id) || chain.managerIds.some((m) => changes.changedIds.has(m));
    });
    report = affected.length > 0 ? await syncReportingLines({ ...props, userIds: affected }) : { synced: 0, ineligiblePairs: [] };
  }

  await db
    .insertInto('sync_state')
    .values({ tenant_id: tenantId, key: deltaCursorKey, value: changes.cursor, updated_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value: changes.cursor, updated_at: now }))
    .execute();
  return report;
}
