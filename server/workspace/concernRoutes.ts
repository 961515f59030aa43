import type { ConcernList } from '../../shared/api/workspace';
import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { concernListQuery, concernSchema, concernStatusChangeSchema } from '../../shared/schemas/workspace';
import type { AppDeps } from '../appDeps';
import { callerOf, requireAdmin } from '../auth/authenticate';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { concernRaiser, concernsForAdmin, concernsRaisedBy, concernStatusChanger } from './commands/concernCommands';
import { presentConcernForAdmin, presentOwnConcern } from './workspacePresenter';

/** Concerns go from a participant to the programme admins, confidentially; never to the partner. */
export function concernRoutes({ db, clock }: AppDeps): Router {
  const router = Router();

  router.post('/concerns', async (req, res) => {
    const input = parseBody(concernSchema, req);
    const concern = await concernRaiser({ db, actor: callerOf(req), input, now: clock() });
    res.status(201).json(presentOwnConcern(concern));
  });

  router.get('/concerns/mine', async (req, res) => {
    const concerns = await concernsRaisedBy(db, callerOf(req));
    res.json({ concerns: concerns.map(presentOwnConcern) } satisfies ConcernList);
  });

  router.get('/admin/concerns', async (req, res) => {
    const { status } = parseQuery(concernListQuery, req);
    const concerns = await concernsForAdmin({ db, actor: requireAdmin(req), status, now: clock() });
    res.json({ concerns: concerns.map(presentConcernForAdmin) } satisfies ConcernList);
  });

  router.patch('/admin/concerns/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(concernStatusChangeSchema, req);
    const concern = await concernStatusChanger({ db, actor: requireAdmin(req), concernId: id, input, now: clock() });
    res.json(presentConcernForAdmin(concern));
  });

  return router;
}
