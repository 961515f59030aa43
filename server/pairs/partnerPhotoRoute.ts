import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import { ApiError, notFound } from '../http/errors';
import { parseParams } from '../http/validate';
import { pairPolicy, partnerOf } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import { pairRepository } from './pairRepository';

/**
 * `GET /pairs/:id/partner/photo`: the partner's Microsoft 365 profile photo, for the two people of
 * the pair only (anyone else, admins included, gets the same 404 as for a missing pair or photo).
 * Read with the app's identity through `$batch`, which returns binary bodies base64-encoded, so
 * the one Graph gateway (JSON only) serves it without a second client.
 */
export function partnerPhotoRoute(deps: AppDeps): Router {
  const router = Router();
  router.get('/pairs/:id/partner/photo', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const caller = callerOf(req);
    const partner = partnerOf(authorize(pairPolicy, caller, 'view', await pairRepository(deps.db, caller.tenantId).find(id)));
    const outcome = (await deps.graph.forApp(caller.tenantId).batch([{ id: 'photo', path: `/users/${encodeURIComponent(partner)}/photo/$value` }])).get('photo');
    if (outcome?.status === 404) throw notFound();
    if (!outcome || outcome.status < 200 || outcome.status >= 300 || typeof outcome.body !== 'string') throw new ApiError('upstreamUnavailable');
    const type = Object.entries(outcome.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'image/jpeg';
    // A photo changes rarely and is personal: the browser may keep it an hour, shared caches never.
    res.set({ 'Content-Type': type.startsWith('image/') ? type : 'image/jpeg', 'Cache-Control': 'private, max-age=3600', Vary: 'Authorization' });
    res.send(Buffer.from(outcome.body, 'base64'));
  });
  return router;
}
