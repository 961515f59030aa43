import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { observationsSchema, shadowingOfferParams, shadowingOfferSchema } from '../../shared/schemas/shadowing';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import { languageOf } from '../booking/eventLanguage';
import { bookingIdentity } from '../calendar/bookingIdentity';
import { parseBody, parseParams } from '../http/validate';
import { observationsRecorder, observationsSharer, organisedMeetingsLister, shadowingAccepter, shadowingDecliner, shadowingOfferer, type ShadowingDeps } from './shadowingCommands';
import { shadowingReader } from './shadowingReader';

/**
 * Shadowing (decision 0072): the mentee offers meetings they organise for the mentor to observe,
 * the mentor accepts (and is invited as an optional attendee) or declines, then records what they
 * observed, private until shared. Every change answers with the pair's shadowing as the caller sees it.
 */
export function shadowingRoutes(deps: AppDeps): Router {
  const router = Router();
  const { db, clock } = deps;
  const shadowing: ShadowingDeps = { db, identity: bookingIdentity(deps.config.bookingIdentity, deps.graph), directory: deps.directory, languageOf: languageOf(deps) };
  const view = (req: Parameters<typeof callerOf>[0], pairId: string) => shadowingReader({ db, actor: callerOf(req), pairId, now: clock() });

  router.get('/pairs/:id/shadowing', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await view(req, id));
  });

  router.get('/pairs/:id/shadowing/meetings', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json({ meetings: await organisedMeetingsLister(shadowing, { db, actor: callerOf(req), pairId: id, now: clock() }) });
  });

  router.post('/pairs/:id/shadowing/offers', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(shadowingOfferSchema, req);
    await shadowingOfferer(shadowing, { db, actor: callerOf(req), pairId: id, now: clock(), input });
    res.status(201).json(await view(req, id));
  });

  router.post('/pairs/:id/shadowing/offers/:offerId/accept', async (req, res) => {
    const { id, offerId } = parseParams(shadowingOfferParams, req);
    await shadowingAccepter(shadowing, { db, actor: callerOf(req), pairId: id, offerId, now: clock() });
    res.json(await view(req, id));
  });

  router.post('/pairs/:id/shadowing/offers/:offerId/decline', async (req, res) => {
    const { id, offerId } = parseParams(shadowingOfferParams, req);
    await shadowingDecliner({ db, actor: callerOf(req), pairId: id, offerId, now: clock() });
    res.json(await view(req, id));
  });

  router.put('/pairs/:id/shadowing/offers/:offerId/observations', async (req, res) => {
    const { id, offerId } = parseParams(shadowingOfferParams, req);
    const input = parseBody(observationsSchema, req);
    await observationsRecorder({ db, actor: callerOf(req), pairId: id, offerId, now: clock(), input });
    res.json(await view(req, id));
  });

  router.post('/pairs/:id/shadowing/offers/:offerId/observations/share', async (req, res) => {
    const { id, offerId } = parseParams(shadowingOfferParams, req);
    await observationsSharer(shadowing, { db, actor: callerOf(req), pairId: id, offerId, now: clock() });
    res.json(await view(req, id));
  });

  return router;
}
