import type { NewJob } from '../jobQueue';
import type { JobHandler } from '../jobWorker';
import type { Db } from '../../store/database';
import { acrossTenants } from '../../store/tenantScope';
import { retentionPurger } from '../../privacy/retention';

export const retentionJobKind = 'privacy.retention-purge';

/**
 * One retention purge a day for each tenant that has programmes: the key names the UTC day, so
 * however many processes plan it, the purge runs once a day per tenant (and again the next day).
 */
export async function retentionJobs(db: Db, now: Date): Promise<NewJob[]> {
  const tenants = await acrossTenants(db, 'retention planner').selectFrom('programmes').select('tenant_id').distinct().execute();
  const day = now.toISOString().slice(0, 10);
  return tenants.map(({ tenant_id }) => ({ tenantId: tenant_id, kind: retentionJobKind, dedupeKey: `retention:${day}`, payload: {}, runAt: now }));
}

export function retentionJobHandlers(deps: { db: Db; retentionDays: number }): Record<string, JobHandler> {
  return {
    [retentionJobKind]: async (job, now) => {
      const purged = await retentionPurger(deps.db, { retentionDays: deps.retentionDays, now, tenantId: job.tenant_id });
      return { kind: 'done', outcome: purged.length > 0 ? 'sent' : 'skipped' };
    },
  };
}
