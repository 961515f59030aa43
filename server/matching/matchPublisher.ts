import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import { recordDomainEvent } from '../events/domainEvents';
import { ApiError, notFound } from '../http/errors';
import { livePairStatuses, pairRepository } from '../pairs/pairRepository';
import { pairCharterText, pairPeople } from '../programmes/pairCharter';
import { programmeRepository } from '../programmes/programmeRepository';
import { latestRunId } from './matchRunQueries';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

/**
 * Publishes a reviewed run: every proposal becomes a pair in "proposed", with the programme's
 * charter filled for the two of them to sign, and both people are told. All or nothing: if anyone was paired meanwhile,
 * nothing is published and the admin re-runs.
 */
export async function matchPublisher(props: { db: Db; actor: Caller; programmeId: string; runId: string; now: Date }): Promise<number> {
  const { db, actor, programmeId, runId, now } = props;
  return db.transaction().execute(async (trx) => {
    const run = await forTenant(trx, actor.tenantId)
      .selectFrom('match_runs')
      .selectAll()
      .where('id', '=', runId)
      .where('programme_id', '=', programmeId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw notFound();
    if (run.published_at) throw new ApiError('invalidTransition', { key: 'invalidTransition.runPublished' });
    if ((await latestRunId(trx, actor.tenantId, programmeId)) !== runId) throw new ApiError('invalidTransition', { key: 'invalidTransition.newerRun' });

    const programme = (await programmeRepository(trx, actor.tenantId).load(programmeId))!;
    const proposals = await forTenant(trx, actor.tenantId)
      .selectFrom('match_proposals as m')
      .innerJoin('participants as mentor', (j) => j.onRef('mentor.tenant_id', '=', 'm.tenant_id').onRef('mentor.id', '=', 'm.mentor_participant_id'))
      .innerJoin('participants as mentee', (j) => j.onRef('mentee.tenant_id', '=', 'm.tenant_id').onRef('mentee.id', '=', 'm.mentee_participant_id'))
      .select(['m.mentor_participant_id', 'm.mentee_participant_id', 'mentor.user_id as mentor_user_id', 'mentee.user_id as mentee_user_id', 'mentor.status as mentor_status', 'mentee.status as mentee_status'])
      .where('m.run_id', '=', runId)
      .execute();

    const pairs = pairRepository(trx, actor.tenantId);
    const people = await pairPeople(trx, actor.tenantId, proposals.map((p) => ({ mentor_user_id: p.mentor_user_id, mentee_user_id: p.mentee_user_id })));
    const liveMentees = new Set(
      (await pairs.listForProgramme(programmeId))
        .filter((p) => (livePairStatuses as readonly string[]).includes(p.status))
        .map((p) => p.mentee_participant_id),
    );
    for (const p of proposals) {
      if (p.mentor_status !== 'enrolled' || p.mentee_status !== 'enrolled' || liveMentees.has(p.mentee_participant_id!)) {
        throw new ApiError('conflict', { key: 'conflict.runChanged' });
      }
      const pairId = randomUUID();
      await pairs.insert({
        id: pairId,
        programme_id: programmeId,
        mentor_participant_id: p.mentor_participant_id!,
        mentee_participant_id: p.mentee_participant_id!,
        mentor_user_id: p.mentor_user_id,
        mentee_user_id: p.mentee_user_id,
        status: 'proposed',
        mentor_accepted_at: null,
        mentee_accepted_at: null,
        started_at: null,
        ended_at: null,
        end_reason: null,
      });
      await trx
        .insertInto('charters')
        .values({ tenant_id: actor.tenantId, pair_id: pairId, text: pairCharterText(programme.details.charterText, programme, p, people), mentor_signed_at: null, mentee_signed_at: null })
        .execute();
      await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'pair.proposed', subjectId: pairId, payload: { programmeId }, at: now });
    }
    await forTenant(trx, actor.tenantId).updateTable('match_runs').set({ published_at: now, published_by: actor.userId }).where('id', '=', runId).execute();
    await recordAudit(trx, actor, 'matching.publish', runId, now);
    return proposals.length;
  });
}
