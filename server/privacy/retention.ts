import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../store/database';
import { acrossTenants, forTenant } from '../store/tenantScope';

/** Who the audit log names for deletions nobody clicked. */
export const retentionActor = 'upward:retention';

// Children first: agenda items, reflections, take-aways and commitments point at sessions.
const pairTables = ['agenda_items', 'reflections', 'takeaways', 'commitments', 'praise', 'stories', 'charters', 'shadowing_offers', 'sessions'] as const;

/**
 * Deletes every programme that ended more than `retentionDays` ago, with all it holds (people's
 * enrolments, pairs and everything in their workspaces, surveys, concerns, matching), one
 * programme a transaction, and records each deletion in the audit log (of one tenant when given).
 * Safe to run in every process and as often as wanted: a programme already gone is not found again.
 */
export async function retentionPurger(db: Db, props: { retentionDays: number; now: Date; tenantId?: string }): Promise<{ tenantId: string; programmeId: string }[]> {
  const cutoff = new Date(props.now.getTime() - props.retentionDays * 86_400_000).toISOString().slice(0, 10);
  // Without a tenant this is the retention command (retentionCli), which purges every tenant's expired programmes.
  const programmes = props.tenantId ? forTenant(db, props.tenantId).selectFrom('programmes') : acrossTenants(db, 'retention command').selectFrom('programmes');
  const expired = await programmes.select(['tenant_id', 'id']).where('ends_on', '<', cutoff).orderBy('tenant_id').orderBy('id').execute();
  for (const programme of expired) {
    await db.transaction().execute(async (trx) => {
      const t = programme.tenant_id;
      const tenant = forTenant(trx, t);
      const pairIds = (await tenant.selectFrom('pairs').select('id').where('programme_id', '=', programme.id).execute()).map((p) => p.id);
      if (pairIds.length > 0) {
        for (const table of pairTables) await tenant.deleteFrom(table).where('pair_id', 'in', pairIds).execute();
        await tenant.deleteFrom('jobs').where(sql<boolean>`payload->>'pairId' in (${sql.join(pairIds)})`).execute();
      }
      // Whatever its subject (a story's or a concern's events too), an event goes with its pair or programme.
      await tenant
        .deleteFrom('domain_events')
        .where((eb) => eb.or([eb('subject_id', 'in', [programme.id, ...pairIds]), eb('programme_id', '=', programme.id), ...(pairIds.length > 0 ? [eb('pair_id', 'in', pairIds)] : [])]))
        .execute();
      const surveyIds = (await tenant.selectFrom('surveys').select('id').where('programme_id', '=', programme.id).execute()).map((s) => s.id);
      if (surveyIds.length > 0) await tenant.deleteFrom('survey_responses').where('survey_id', 'in', surveyIds).execute();
      for (const table of ['insight_batches', 'concerns', 'surveys', 'match_proposals', 'match_runs', 'match_constraints', 'pairs', 'participants'] as const) {
        await tenant.deleteFrom(table).where('programme_id', '=', programme.id).execute();
      }
      await tenant.deleteFrom('programmes').where('id', '=', programme.id).execute();
      await trx
        .insertInto('audit_log')
        .values({ tenant_id: t, id: randomUUID(), actor_user_id: retentionActor, action: 'retention.purge', target: programme.id, at: props.now })
        .execute();
    });
  }
  return expired.map((p) => ({ tenantId: p.tenant_id, programmeId: p.id }));
}
