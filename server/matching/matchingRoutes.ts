import type { MatchConstraintList, MatchPreview, NewMatchRun, PublishedRun } from '../../shared/api/matching';
import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { applyPreviewSchema, matchConstraintSchema, removeConstraintSchema, runParams, swapSchema } from '../../shared/schemas/matching';
import { recordAudit } from '../audit/auditLog';
import { personSummaries } from '../directory/directoryCache';
import { callerOf } from '../auth/authenticate';
import type { AppDeps } from '../appDeps';
import { notFound } from '../http/errors';
import { parseBody, parseParams } from '../http/validate';
import { authorize } from '../policies/policy';
import { matchingPolicy } from '../policies/matchingPolicy';
import { participantRepository } from '../participants/participantRepository';
import { programmeRepository } from '../programmes/programmeRepository';
import { latestRunId } from './matchRunQueries';
import { matchPublisher } from './matchPublisher';
import { matchPreviewApplier, matchPreviewer } from './matchPreview';
import { matchRunner } from './matchRunner';
import { presentPinIssue } from './pinIssuePresenter';
import { presentRun } from './runPresenter';
import { forTenant } from '../store/tenantScope';

/** Matching review for programme admins: run, preview and apply a re-run, block, pin, swap, publish. */
export function matchingRoutes({ db, directory, clock }: AppDeps): Router {
  const router = Router();

  router.post('/programmes/:id/matching/runs', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'run');
    const { runId, result } = await matchRunner({ db, directory, actor: admin, programmeId: id, now: clock() });
    res.status(201).json({ ...(await presentRun(db, admin.tenantId, runId)), pinIssues: result.pinIssues.map(presentPinIssue) } satisfies NewMatchRun);
  });

  // A re-run shown before it is applied: preview writes nothing; apply keeps exactly what was previewed, or refuses (409).
  router.post('/programmes/:id/matching/preview', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'run');
    res.json((await matchPreviewer({ db, directory, admin, programmeId: id, now: clock() })) satisfies MatchPreview);
  });

  router.post('/programmes/:id/matching/apply', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { fingerprint } = parseBody(applyPreviewSchema, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'run');
    const { runId, result } = await matchPreviewApplier({ db, admin, programmeId: id, fingerprint, now: clock() });
    res.status(201).json({ ...(await presentRun(db, admin.tenantId, runId)), pinIssues: result.pinIssues.map(presentPinIssue) } satisfies NewMatchRun);
  });

  router.get('/programmes/:id/matching/runs/latest', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'review');
    const latest = await latestRunId(db, admin.tenantId, id);
    if (!latest) throw notFound();
    res.json(await presentRun(db, admin.tenantId, latest));
  });

  router.post('/programmes/:id/matching/runs/:runId/publish', async (req, res) => {
    const { id, runId } = parseParams(runParams, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'publish');
    const published = await matchPublisher({ db, actor: admin, programmeId: id, runId, now: clock() });
    res.json({ published } satisfies PublishedRun);
  });

  router.get('/programmes/:id/matching/constraints', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'review');
    if (!(await programmeRepository(db, admin.tenantId).find(id))) throw notFound();
    const rows = await forTenant(db, admin.tenantId).selectFrom('match_constraints').selectAll().where('programme_id', '=', id).execute();
    const people = await personSummaries(db, admin.tenantId, rows.flatMap((r) => [r.mentor_user_id, r.mentee_user_id]));
    // Someone the directory no longer knows still shows as who they were to the programme.
    const nameOf = (userId: string) => people.get(userId)?.displayName ?? userId;
    res.json({
      constraints: rows.map((r) => ({ mentorUserId: r.mentor_user_id, menteeUserId: r.mentee_user_id, kind: r.kind, mentorName: nameOf(r.mentor_user_id), menteeName: nameOf(r.mentee_user_id) })),
    } satisfies MatchConstraintList);
  });

  router.put('/programmes/:id/matching/constraints', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(matchConstraintSchema, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'constrain');
    const now = clock();
    await db.transaction().execute(async (trx) => {
      if (!(await programmeRepository(trx, admin.tenantId).find(id))) throw notFound();
      await trx
        .insertInto('match_constraints')
        .values({ tenant_id: admin.tenantId, programme_id: id, mentor_user_id: input.mentorUserId, mentee_user_id: input.menteeUserId, kind: input.kind, created_by: admin.userId, created_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'programme_id', 'mentor_user_id', 'mentee_user_id']).doUpdateSet({ kind: input.kind }))
        .execute();
      await recordAudit(trx, admin, `matching.${input.kind}`, `${id}/${input.mentorUserId}/${input.menteeUserId}`, now);
    });
    res.status(204).end();
  });

  router.delete('/programmes/:id/matching/constraints', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(removeConstraintSchema, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'constrain');
    await db.transaction().execute(async (trx) => {
      if (!(await programmeRepository(trx, admin.tenantId).find(id))) throw notFound();
      await forTenant(trx, admin.tenantId)
        .deleteFrom('match_constraints')
        .where('programme_id', '=', id)
        .where('mentor_user_id', '=', input.mentorUserId)
        .where('mentee_user_id', '=', input.menteeUserId)
        .execute();
      await recordAudit(trx, admin, 'matching.unconstrain', `${id}/${input.mentorUserId}/${input.menteeUserId}`, clock());
    });
    res.status(204).end();
  });

  router.post('/programmes/:id/matching/swap', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { first, second } = parseBody(swapSchema, req);
    const admin = authorize(matchingPolicy, callerOf(req), 'swap');
    const now = clock();
    await db.transaction().execute(async (trx) => {
      const participants = participantRepository(trx, admin.tenantId);
      const ids = [first.mentorParticipantId, first.menteeParticipantId, second.mentorParticipantId, second.menteeParticipantId];
      const rows = await Promise.all(ids.map((pid) => participants.find(id, pid)));
      if (rows.some((r) => !r)) throw notFound();
      const [m1, e1, m2, e2] = rows.map((r) => r!.user_id) as [string, string, string, string];
      for (const [mentor, mentee] of [
        [m1, e2],
        [m2, e1],
      ] as const) {
        await trx
          .insertInto('match_constraints')
          .values({ tenant_id: admin.tenantId, programme_id: id, mentor_user_id: mentor, mentee_user_id: mentee, kind: 'pin', created_by: admin.userId, created_at: now })
          .onConflict((oc) => oc.columns(['tenant_id', 'programme_id', 'mentor_user_id', 'mentee_user_id']).doUpdateSet({ kind: 'pin' }))
          .execute();
      }
      await forTenant(trx, admin.tenantId)
        .deleteFrom('match_constraints')
        .where('programme_id', '=', id)
        .where('kind', '=', 'pin')
        .where((eb) => eb.or([eb.and([eb('mentor_user_id', '=', m1), eb('mentee_user_id', '=', e1)]), eb.and([eb('mentor_user_id', '=', m2), eb('mentee_user_id', '=', e2)])]))
        .execute();
      await recordAudit(trx, admin, 'matching.swap', `${id}/${m1}/${m2}`, now);
    });
    res.status(204).end();
  });

  return router;
}
