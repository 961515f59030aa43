import type { AuditLog } from '../../shared/api/audit';
import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { auditLogQuery, insightQuery } from '../../shared/schemas/insight';
import type { AppDeps } from '../appDeps';
import { recordAudit } from '../audit/auditLog';
import { auditEntries } from '../audit/auditReader';
import { callerOf } from '../auth/authenticate';
import { parseParams, parseQuery } from '../http/validate';
import { authorize } from '../policies/policy';
import { insightPolicy } from '../policies/insightPolicy';
import { csvOf, insightCsv, programmeInsightReader } from './insightCommands';
import { shadowingCountsReader } from './shadowingCounts';
import { trainingCountsReader } from './trainingCounts';

/**
 * Programme insight for admins (the Upward.Admin role): aggregates only, each suppressed by the
 * programme's anonymity threshold, as JSON or CSV; and the audit log of admin actions.
 */
export function insightRoutes({ db, clock, config }: AppDeps): Router {
  const router = Router();

  router.get('/programmes/:id/insight', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const filter = parseQuery(insightQuery, req);
    const actor = authorize(insightPolicy, callerOf(req), 'view');
    res.json(await programmeInsightReader({ db, actor, programmeId: id, filter, now: clock(), action: 'insight.view', anonymityFloor: config.anonymityFloor }));
  });

  router.get('/programmes/:id/insight/training', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const actor = authorize(insightPolicy, callerOf(req), 'view');
    res.json(await trainingCountsReader({ db, actor, programmeId: id, now: clock(), anonymityFloor: config.anonymityFloor }));
  });

  router.get('/programmes/:id/insight/shadowing', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const actor = authorize(insightPolicy, callerOf(req), 'view');
    res.json(await shadowingCountsReader({ db, actor, programmeId: id, now: clock(), anonymityFloor: config.anonymityFloor }));
  });

  router.get('/programmes/:id/insight/export.csv', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const filter = parseQuery(insightQuery, req);
    const actor = authorize(insightPolicy, callerOf(req), 'export');
    const insight = await programmeInsightReader({ db, actor, programmeId: id, filter, now: clock(), action: 'insight.export', anonymityFloor: config.anonymityFloor });
    res.type('text/csv').attachment(`upward-insight-${id}.csv`).send(insightCsv(insight));
  });

  router.get('/admin/audit-log', async (req, res) => {
    const query = parseQuery(auditLogQuery, req);
    const actor = authorize(insightPolicy, callerOf(req), 'readAuditLog');
    await recordAudit(db, actor, 'audit.export', `${query.from ?? 'start'}..${query.to ?? 'now'}`, clock());
    const entries = await auditEntries(db, actor.tenantId, query);
    if (query.format === 'json') {
      res.json({ entries } satisfies AuditLog);
      return;
    }
    const rows = [['at', 'actorUserId', 'actorName', 'action', 'target', 'changes'], ...entries.map((e) => [e.at, e.actorUserId, e.actorName ?? '', e.action, e.target, e.changes ? JSON.stringify(e.changes) : ''])];
    res.type('text/csv').attachment('upward-audit-log.csv').send(csvOf(rows));
  });

  return router;
}
