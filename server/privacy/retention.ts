import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../store/database';

/** Who the audit log names for deletions nobody clicked. */
export const retentionActor = 'upward:retention';

// Children first: agenda items, reflections, take-aways and commitments point at sessions.
const pairTables = ['agenda_items', 'reflections', 'takeaways', 'commitments', 'praise', 'stories', 'charters', 'sessions'] as const;

/**
 * Deletes every programme that ended more than `retentionDays` ago, with all it holds (people's
 * enrolments, pairs and everything in their workspaces, surveys, concerns, matching), one
 * programme a transaction, and records each deletion in the audit log (of one tenant when given).
 * Safe to run in every process and as often as wanted: a programme already gone is not found again.
 */
export async function retentionPurger(db: Db, props: { retentionDays: number; now: Date; tenantId?: string }): Promise<{ tenantId: string; programmeId: string }[]> {
  const cutoff = new Date(props.now.getTime() - props.retentionDays * 86_400_000).toISOString().slice(0, 10);
  let query = db.selectFrom('programmes').select(['tenant_id', 'id']).where('ends_on', '<', cutoff);
  if (props.tenantId) query = query.where('tenant_id', '=', props.tenantId);
  const expired = await query.orderBy('tenant_id').orderBy('id').execute();
  for (const programme of expired) {
    await db.transaction().execute(async (trx) => {
      const t = programme.tenant_id;
      const pairIds = (await trx.selectFrom('pairs').select('id').where('tenant_id', '=', t).where('programme_id', '=', programme.id).execute()).map((p) => p.id);
      if (pairIds.length > 0) {
        for (const table of pairTables) await trx.deleteFrom(table).where('tenant_id', '=', t).where('pair_id', 'in', pairIds).execute();
        await trx.deleteFrom('jobs').where('tenant_id', '=', t).where(sql<boolean>`payload->>'pairId' in (${sql.join(pairIds)})`).execute();
      }
      // Whatever its subject (a story's or a concern's events too), an event goes with its pair or programme.
      await trx
        .deleteFrom('domain_events')
        .where('tenant_id', '=', t)
        .where((eb) => eb.or([eb('subject_id', 'in', [programme.id, ...pairIds]), eb('programme_id', '=', programme.id), ...(pairIds.length > 0 ? [eb('pair_id', 'in', pairIds)] : [])]))
        .execute();
      const surveyIds = (await trx.selectFrom('surveys').select('id').where('tenant_id', '=', t).where('programme_id', '=', programme.id).execute()).map((s) => s.id);
      if (surveyIds.length > 0) await trx.deleteFrom('survey_responses').where('tenant_id', '=', t).where('survey_id', 'in', surveyIds).execute();
      for (const table of ['insight_batches', 'concerns', 'surveys', 'match_proposals', 'match_runs', 'match_constraints', 'pairs', 'participants'] as const) {
        await trx.deleteFrom(table).where('tenant_id', '=', t).where('programme_id', '=', programme.id).execute();
      }
      await trx.deleteFrom('programmes').where('tenant_id', '=', t).where('id', '=', programme.id).execute();
      await trx
        .insertInto('audit_log')
        .values({ tenant_id: t, id: randomUUID(), actor_user_id: retentionActor, action: 'retention.purge', target: programme.id, at: props.now })
        .execute();
    });
  }
  return expired.map((p) => ({ tenantId: p.tenant_id, programmeId: p.id }));
}
