import type { PairBoard } from '../../shared/api/pairBoard';
import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { adminPairActionBody, adminPairActionParams, pairBoardQuery } from '../../shared/schemas/pairBoard';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { pairBoardPolicy } from '../policies/pairBoardPolicy';
import { authorize } from '../policies/policy';
import { adminPairChanger } from './adminPairCommands';
import { pairBoardReader } from './pairBoardReader';

/** The programme admins' pairs board, and the changes they make to a pair from it. */
export function pairBoardRoutes({ db, clock }: AppDeps): Router {
  const router = Router();

  router.get('/programmes/:id/pairs', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const query = parseQuery(pairBoardQuery, req);
    const admin = authorize(pairBoardPolicy, callerOf(req), 'read');
    res.json({ pairs: await pairBoardReader({ db, admin, programmeId: id, query, now: clock() }) } satisfies PairBoard);
  });

  router.post('/admin/pairs/:id/:action', async (req, res) => {
    const { id, action } = parseParams(adminPairActionParams, req);
    const { reason } = parseBody(adminPairActionBody, req);
    const admin = authorize(pairBoardPolicy, callerOf(req), 'change');
    await adminPairChanger({ db, admin, pairId: id, action, reason, now: clock() });
    res.status(204).end();
  });

  return router;
}
