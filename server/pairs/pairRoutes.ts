import type { PairList } from '../../shared/api/pairs';
import { Router } from 'express';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { says } from '../../shared/schemas/messages';
import { callerOf } from '../auth/authenticate';
import type { AppDeps } from '../appDeps';
import { personSummaries } from '../directory/directoryCache';
import { parseParams } from '../http/validate';
import { pairPolicy, partnerOf } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import { programmeRepository } from '../programmes/programmeRepository';
import { pairTransitioner } from './pairCommands';
import { presentPair } from './pairPresenter';
import { pairRepository } from './pairRepository';

const actionParams = z.object({
  id: idSchema,
  action: z.enum(['accept', 'decline', 'pause', 'resume', 'request-repair'], { message: says('schema.pairResponse') }),
});

export function pairRoutes({ db, clock }: AppDeps): Router {
  const router = Router();

  /** The caller's own pairs, newest first. */
  router.get('/pairs', async (req, res) => {
    const caller = callerOf(req);
    const pairs = await pairRepository(db, caller.tenantId).listForUser(caller.userId);
    const members = pairs.map((p) => authorize(pairPolicy, caller, 'view', p));
    const people = await personSummaries(db, caller.tenantId, members.map(partnerOf));
    const programmes = new Map((await programmeRepository(db, caller.tenantId).list()).map((p) => [p.id, p.name]));
    res.json({ pairs: members.map((m) => presentPair(m, people, programmes.get(m.pair.programme_id) ?? '')) } satisfies PairList);
  });

  router.post('/pairs/:id/:action', async (req, res) => {
    const { id, action } = parseParams(actionParams, req);
    const caller = callerOf(req);
    await pairTransitioner({ db, actor: caller, pairId: id, action, now: clock() });
    const member = authorize(pairPolicy, caller, 'view', await pairRepository(db, caller.tenantId).find(id));
    const people = await personSummaries(db, caller.tenantId, [partnerOf(member)]);
    const programme = await programmeRepository(db, caller.tenantId).find(member.pair.programme_id);
    res.json(presentPair(member, people, programme?.name ?? ''));
  });

  return router;
}
