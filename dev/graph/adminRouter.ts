import express from 'express';
import type { DirectoryStore } from './directoryStore';
import type { FaultInjector, FaultRule } from './faults';
import type { RequestStats } from './requestStats';

/**
 * The stand-in's own admin API under `/_standin` (not part of Graph): inject faults, read and
 * reset request counters, and move people between managers to simulate a reorganisation.
 */
export function adminRouter(deps: { faults: FaultInjector; stats: RequestStats; directory: DirectoryStore }): express.Router {
  const router = express.Router();
  router.use(express.json());
  router.post('/faults', (req, res) => {
    try {
      res.status(201).json({ id: deps.faults.add(req.body as FaultRule) });
    } catch (error) {
      res.status(400).json({ error: { code: 'BadRequest', message: (error as Error).message } });
    }
  });
  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.status(204).end();
  });
  router.get('/stats', (_req, res) => {
    res.json(deps.stats.get());
  });
  router.delete('/stats', (_req, res) => {
    deps.stats.reset();
    res.status(204).end();
  });
  router.put('/users/:id/manager', (req, res) => {
    try {
      deps.directory.setManager(req.params.id, ((req.body as { managerId?: string | null } | undefined)?.managerId ?? null) || null);
      res.status(204).end();
    } catch (error) {
      res.status(400).json({ error: { code: 'BadRequest', message: (error as Error).message } });
    }
  });
  return router;
}
