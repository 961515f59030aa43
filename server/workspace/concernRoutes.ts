import type { AdminConcernList, ConcernList } from '../../shared/api/workspace';
import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { concernChangeSchema, concernEntrySchema, concernListQuery, concernSchema } from '../../shared/schemas/workspace';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { adminConcernViews } from './adminConcernViews';
import { concernChanger, concernEntries, concernRaiser, concernsForAdmin, concernsRaisedBy, concernWriter } from './commands/concernCommands';
import { presentOwnConcern } from './workspacePresenter';

/** Concerns go from a participant to the programme admins, confidentially; never to the partner. */
export function concernRoutes({ db, clock }: AppDeps): Router {
  const router = Router();

  router.post('/concerns', async (req, res) => {
    const input = parseBody(concernSchema, req);
    const concern = await concernRaiser({ db, actor: callerOf(req), input, now: clock() });
    res.status(201).json(presentOwnConcern(concern, []));
  });

  // The person who raised a concern follows its status and reads the replies to them; never the admins' notes.
  router.get('/concerns/mine', async (req, res) => {
    const actor = callerOf(req);
    const concerns = await concernsRaisedBy(db, actor);
    const entries = await concernEntries(db, actor.tenantId, concerns.map((c) => c.id), false);
    res.json({ concerns: concerns.map((c) => presentOwnConcern(c, entries)) } satisfies ConcernList);
  });

  router.get('/admin/concerns', async (req, res) => {
    const { status } = parseQuery(concernListQuery, req);
    const actor = callerOf(req);
    const concerns = await concernsForAdmin({ db, actor, status, now: clock() });
    res.json({ concerns: await adminConcernViews(db, actor.tenantId, concerns) } satisfies AdminConcernList);
  });

  router.patch('/admin/concerns/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(concernChangeSchema, req);
    const actor = callerOf(req);
    const concern = await concernChanger({ db, actor, concernId: id, input, now: clock() });
    res.json((await adminConcernViews(db, actor.tenantId, [concern]))[0]);
  });

  for (const kind of ['reply', 'note'] as const) {
    router.post(`/admin/concerns/:id/${kind === 'reply' ? 'replies' : 'notes'}`, async (req, res) => {
      const { id } = parseParams(idParams, req);
      const { text } = parseBody(concernEntrySchema, req);
      const actor = callerOf(req);
      const concern = await concernWriter({ db, actor, concernId: id, kind, text, now: clock() });
      res.status(201).json((await adminConcernViews(db, actor.tenantId, [concern]))[0]);
    });
  }

  return router;
}
