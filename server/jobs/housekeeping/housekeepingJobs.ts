import { z } from 'zod';
import { handlerOf, jobKind, jobOf } from '../jobKind';
import type { JobHandler } from '../jobWorker';
import type { NewJob } from '../jobQueue';
import type { Directory } from '../../directory/directory';
import { syncReportingLineChanges } from '../../directory/reportingLineSync';
import type { GraphGateway } from '../../graph/graphGateway';
import type { Db } from '../../store/database';
import { acrossTenants } from '../../store/tenantScope';

export const housekeepingJobKinds = {
  /** Installs the Upward app in a participant's personal scope, so the bot gets their 1:1 chat. */
  installApp: 'bot.install-app',
  /** Follows reporting-line changes (Graph delta) and flags pairs a reorganisation made ineligible. */
  reportingLineSync: 'directory.reporting-line-sync',
} as const;

const installApp = jobKind(housekeepingJobKinds.installApp, z.object({ userId: z.string().min(1) }));

const hour = 3_600_000;

/**
 * Housekeeping the planner schedules alongside the bot's messages: an app installation for each
 * person of a newly proposed pair whom the bot cannot reach yet, and an hourly reporting-line sync
 * per tenant with enrolled participants (one job per tenant and hour, whichever process plans it).
 */
export async function housekeepingJobs(db: Db, now: Date, options: { teamsAppCatalogId?: string }): Promise<NewJob[]> {
  const everyTenant = acrossTenants(db, 'housekeeping planner');
  const jobs: NewJob[] = [];
  if (options.teamsAppCatalogId) {
    const unreachable = await everyTenant
      .selectFrom('domain_events')
      .innerJoin('pairs', (j) => j.onRef('pairs.tenant_id', '=', 'domain_events.tenant_id').onRef('pairs.id', '=', 'domain_events.pair_id'))
      .select(['domain_events.tenant_id', 'pairs.mentor_user_id', 'pairs.mentee_user_id'])
      .where('domain_events.kind', '=', 'pair.proposed')
      .where('domain_events.created_at', '>', new Date(now.getTime() - 30 * 24 * hour))
      .execute();
    const people = unreachable.flatMap((p) => [p.mentor_user_id, p.mentee_user_id].map((userId) => ({ tenantId: p.tenant_id, userId })));
    const reachable = people.length
      ? new Set(
          (await everyTenant.selectFrom('conversation_references').select(['tenant_id', 'user_id']).where('user_id', 'in', people.map((p) => p.userId)).execute()).map((r) => `${r.tenant_id}/${r.user_id}`),
        )
      : new Set<string>();
    for (const p of people) {
      if (reachable.has(`${p.tenantId}/${p.userId}`)) continue;
      jobs.push(jobOf(installApp, { tenantId: p.tenantId, dedupeKey: `install:${p.userId}`, payload: { userId: p.userId }, runAt: now }));
    }
  }
  const tenants = await everyTenant.selectFrom('participants').select('tenant_id').distinct().where('status', '=', 'enrolled').execute();
  const hourKey = now.toISOString().slice(0, 13);
  for (const { tenant_id } of tenants) {
    jobs.push({ tenantId: tenant_id, kind: housekeepingJobKinds.reportingLineSync, dedupeKey: `reporting-lines:${hourKey}`, payload: {}, runAt: now });
  }
  return jobs;
}

export function housekeepingJobHandlers(deps: { db: Db; graph: GraphGateway; directory: Directory; graphBaseUrl: string; teamsAppCatalogId?: string }): Record<string, JobHandler> {
  return {
    ...handlerOf(installApp, async (job) => {
      const { userId } = job.payload;
      if (!deps.teamsAppCatalogId) return { kind: 'done', outcome: 'skipped' };
      try {
        // App-only (TeamsAppInstallation.ReadWriteForUser.All); Teams then tells the bot, which stores the chat.
        await deps.graph.forApp(job.tenant_id).send('POST', `/users/${encodeURIComponent(userId)}/teamwork/installedApps`, {
          'teamsApp@odata.bind': `${deps.graphBaseUrl.replace(/\/+$/, '')}/appCatalogs/teamsApps/${encodeURIComponent(deps.teamsAppCatalogId)}`,
        });
        return { kind: 'done', outcome: 'sent' };
      } catch (error) {
        // Already installed (by the person or an admin policy): the bot can reach them already.
        if ((error as { statusCode?: number }).statusCode === 409) return { kind: 'done', outcome: 'skipped' };
        throw error;
      }
    }),
    [housekeepingJobKinds.reportingLineSync]: async (job, now) => {
      await syncReportingLineChanges({ db: deps.db, directory: deps.directory, tenantId: job.tenant_id, now });
      return { kind: 'done', outcome: 'sent' };
    },
  };
}
