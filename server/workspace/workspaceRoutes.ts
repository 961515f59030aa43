import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import {
  agendaItemEditSchema,
  agendaItemSchema,
  agendaOrderSchema,
  commitmentEditSchema,
  commitmentSchema,
  pairItemParams,
  praiseSchema,
  praiseSharingSchema,
  reflectionEditSchema,
  reflectionSchema,
  suggestionAnswerSchema,
  takeawaySchema,
  trainingModuleParams,
} from '../../shared/schemas/workspace';
import type { AppDeps } from '../appDeps';
import type { Caller } from '../auth/caller';
import { callerOf } from '../auth/authenticate';
import { parseBody, parseParams } from '../http/validate';
import { pairRepository } from '../pairs/pairRepository';
import { pairPolicy, type PairMember } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import type { Db } from '../store/database';
import { agendaItemAdder, agendaItemEditor, agendaItemRemover, agendaItemSuggester, agendaReorderer, suggestionAnswerer } from './commands/agendaCommands';
import { charterSigner } from './commands/charterCommands';
import { concernRoutes } from './concernRoutes';
import { commitmentRecorder, commitmentUpdater } from './commands/commitmentCommands';
import { praiseGiver, praiseSharingDecider } from './commands/praiseCommands';
import { reflectionEditor, reflectionRemover, reflectionWriter } from './commands/reflectionCommands';
import { takeawayConfirmer, takeawayProposer } from './commands/takeawayCommands';
import { trainingCompleter } from './commands/trainingCommands';
import {
  presentAgendaItem,
  presentCharter,
  presentCommitment,
  presentPraise,
  presentReflection,
  presentTakeaway,
} from './workspacePresenter';
import { workspaceReader } from './workspaceReader';

/** The member a change is presented to, read after the command (which has already authorised them). */
async function viewer(db: Db, caller: Caller, pairId: string): Promise<PairMember> {
  return authorize(pairPolicy, caller, 'view', await pairRepository(db, caller.tenantId).find(pairId));
}

/**
 * The pair workspace. Each handler validates, authenticates, runs one command (which loads and
 * authorises inside its transaction) and presents the result. Mounted before the pair lifecycle
 * routes, whose POST /pairs/:id/:action would otherwise claim /pairs/:id/agenda. Concerns come along.
 */
export function workspaceRoutes(deps: AppDeps): Router {
  const { db, clock } = deps;
  const router = Router();
  router.use(concernRoutes(deps));

  router.get('/pairs/:id/workspace', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await workspaceReader({ db, actor: callerOf(req), pairId: id, now: clock() }));
  });

  // A training module marked done: the answer is the workspace, whose next step may have moved on.
  router.post('/pairs/:id/training/:moduleId/done', async (req, res) => {
    const { id, moduleId } = parseParams(trainingModuleParams, req);
    const actor = callerOf(req);
    await trainingCompleter({ db, actor, pairId: id, moduleId, now: clock() });
    res.json(await workspaceReader({ db, actor, pairId: id, now: clock() }));
  });

  router.post('/pairs/:id/charter/sign', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const actor = callerOf(req);
    const charter = await charterSigner({ db, actor, pairId: id, now: clock() });
    res.json(presentCharter(await viewer(db, actor, id), charter));
  });

  router.post('/pairs/:id/agenda', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(agendaItemSchema, req);
    const actor = callerOf(req);
    const item = await agendaItemAdder({ db, actor, pairId: id, input, now: clock() });
    res.status(201).json(presentAgendaItem(await viewer(db, actor, id), item));
  });

  router.post('/pairs/:id/agenda/suggestions', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(agendaItemSchema, req);
    const actor = callerOf(req);
    const item = await agendaItemSuggester({ db, actor, pairId: id, input, now: clock() });
    res.status(201).json(presentAgendaItem(await viewer(db, actor, id), item));
  });

  router.put('/pairs/:id/agenda/order', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(agendaOrderSchema, req);
    await agendaReorderer({ db, actor: callerOf(req), pairId: id, input, now: clock() });
    res.status(204).end();
  });

  router.patch('/pairs/:id/agenda/:itemId', async (req, res) => {
    const { id, itemId } = parseParams(pairItemParams, req);
    const input = parseBody(agendaItemEditSchema, req);
    const actor = callerOf(req);
    const item = await agendaItemEditor({ db, actor, pairId: id, itemId, input, now: clock() });
    res.json(presentAgendaItem(await viewer(db, actor, id), item));
  });

  router.delete('/pairs/:id/agenda/:itemId', async (req, res) => {
    const { id, itemId } = parseParams(pairItemParams, req);
    await agendaItemRemover({ db, actor: callerOf(req), pairId: id, itemId, now: clock() });
    res.status(204).end();
  });

  router.post('/pairs/:id/agenda/:itemId/answer', async (req, res) => {
    const { id, itemId } = parseParams(pairItemParams, req);
    const input = parseBody(suggestionAnswerSchema, req);
    const actor = callerOf(req);
    const item = await suggestionAnswerer({ db, actor, pairId: id, itemId, input, now: clock() });
    res.json(presentAgendaItem(await viewer(db, actor, id), item));
  });

  router.post('/pairs/:id/reflections', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(reflectionSchema, req);
    const actor = callerOf(req);
    const reflection = await reflectionWriter({ db, actor, pairId: id, input, now: clock() });
    res.status(201).json(presentReflection(await viewer(db, actor, id), reflection));
  });

  router.patch('/pairs/:id/reflections/:itemId', async (req, res) => {
    const { id, itemId } = parseParams(pairItemParams, req);
    const input = parseBody(reflectionEditSchema, req);
    const actor = callerOf(req);
    const reflection = await reflectionEditor({ db, actor, pairId: id, reflectionId: itemId, input, now: clock() });
    res.json(presentReflection(await viewer(db, actor, id), reflection));
  });

  router.delete('/pairs/:id/reflections/:itemId', async (req, res) => {
    const { id, itemId } = parseParams(pairItemParams, req);
    await reflectionRemover({ db, actor: callerOf(req), pairId: id, reflectionId: itemId, now: clock() });
    res.status(204).end();
  });

  router.post('/pairs/:id/takeaways', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(takeawaySchema, req);
    const actor = callerOf(req);
    const takeaway = await takeawayProposer({ db, actor, pairId: id, input, now: clock() });
    res.status(201).json(presentTakeaway(await viewer(db, actor, id), takeaway));
  });

  router.post('/pairs/:id/takeaways/:itemId/confirm', async (req, res) => {
    const { id, itemId } = parseParams(pairItemParams, req);
    const actor = callerOf(req);
    const takeaway = await takeawayConfirmer({ db, actor, pairId: id, takeawayId: itemId, now: clock() });
    res.json(presentTakeaway(await viewer(db, actor, id), takeaway));
  });

  router.post('/pairs/:id/commitments', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(commitmentSchema, req);
    const commitment = await commitmentRecorder({ db, actor: callerOf(req), pairId: id, input, now: clock() });
    res.status(201).json(presentCommitment(commitment));
  });

  router.patch('/pairs/:id/commitments/:itemId', async (req, res) => {
    const { id, itemId } = parseParams(pairItemParams, req);
    const input = parseBody(commitmentEditSchema, req);
    const commitment = await commitmentUpdater({ db, actor: callerOf(req), pairId: id, commitmentId: itemId, input, now: clock() });
    res.json(presentCommitment(commitment));
  });

  router.post('/pairs/:id/praise', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(praiseSchema, req);
    const actor = callerOf(req);
    const praise = await praiseGiver({ db, actor, pairId: id, input, now: clock() });
    res.status(201).json(presentPraise(await viewer(db, actor, id), praise));
  });

  router.patch('/pairs/:id/praise/:itemId', async (req, res) => {
    const { id, itemId } = parseParams(pairItemParams, req);
    const input = parseBody(praiseSharingSchema, req);
    const actor = callerOf(req);
    const praise = await praiseSharingDecider({ db, actor, pairId: id, praiseId: itemId, input, now: clock() });
    res.json(presentPraise(await viewer(db, actor, id), praise));
  });

  return router;
}
