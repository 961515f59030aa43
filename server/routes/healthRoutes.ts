import { Router } from 'express';
import type { AppDeps } from '../appDeps';
import { processFaults } from '../processFaults';

/** Liveness (the process answers, and what it survived) and readiness (the database answers), for load balancers. */
export function healthRoutes({ ready }: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ...processFaults() });
  });
  router.get('/readyz', async (_req, res) => {
    const ok = await ready().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
  });
  return router;
}
