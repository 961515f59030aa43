import type { PairList } from '../../shared/api/pairs';
import { Router } from 'express';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { callerOf } from '../auth/authenticate';
import type { AppDeps } from '../appDeps';
import { personSummaries } from '../directory/directoryCache';
import { parseParams } from '../http/validate';
import { partnerOf, roleInPair } from '../policies/pairPolicy';
import { programmeRepository } from '../programmes/programmeRepository';
import { pairTransitioner } from './pairCommands';
import { presentPair } from './pairPresenter';
import { pairRepository } from './pairRepository';

const actionParams = z.object({
  id: idSchema,
  action: z.enum(['accept', 'decline', 'pause', 'resume', 'request-repair'], { message: 'must be accept, decline, pause, resume or request-repair' }),
});

export function pairRoutes({ db, clock }: AppDeps): Router {
  const router = Router();

  /** The caller's own pairs, newest first. */
  router.get('/pairs', async (req, res) => {
    const caller = callerOf(req);
    const pairs = await pairRepository(db, caller.tenantId).listForUser(caller.userId);
    const people = await personSummaries(db, caller.tenantId, pairs.map((p) => partnerOf(p, roleInPair(caller, p)!)));
    const programmes = new Map((await programmeRepository(db, caller.tenantId).list()).map((p) => [p.id, p.name]));
    res.json({ pairs: pairs.map((p) => presentPair(caller, p, people, programmes.get(p.programme_id) ?? '')) } satisfies PairList);
  });

  router.post('/pairs/:id/:action', async (req, res) => {
    const { id, action } = parseParams(actionParams, req);
    const caller = callerOf(req);
    await pairTransitioner({ db, actor: caller, pairId: id, action, now: clock() });
    const pair = (await pairRepository(db, caller.tenantId).find(id))!;
    const people = await personSummaries(db, caller.tenantId, [partnerOf(pair, roleInPair(caller, pair)!)]);
    const programme = await programmeRepository(db, caller.tenantId).find(pair.programme_id);
    res.json(presentPair(caller, pair, people, programme?.name ?? ''));
  });

  return router;
}
