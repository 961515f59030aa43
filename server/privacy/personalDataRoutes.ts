import { Router } from 'express';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import { personalDataEraser, personalDataExporter } from './personalData';

/** A person's own data: all of it to take away, or erased (shared records anonymised for the partner). */
export function personalDataRoutes({ db, clock }: AppDeps): Router {
  const router = Router();
  router.get('/me/data', async (req, res) => {
    res.attachment('upward-my-data.json').json(await personalDataExporter(db, callerOf(req)));
  });
  router.delete('/me/data', async (req, res) => {
    res.json({ erased: await personalDataEraser(db, callerOf(req), clock()) });
  });
  return router;
}
