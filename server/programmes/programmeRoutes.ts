import type { ProgrammeList } from '../../shared/api/programmes';
import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { createProgrammeSchema, updateProgrammeSchema } from '../../shared/schemas/programme';
import { requireAdmin } from '../auth/authenticate';
import type { AppDeps } from '../appDeps';
import { notFound } from '../http/errors';
import { parseBody, parseParams } from '../http/validate';
import { programmeCreator, programmeUpdater } from './programmeCommands';
import { presentProgramme } from './programmePresenter';
import { programmeRepository } from './programmeRepository';

export function programmeRoutes({ db, clock, config }: AppDeps): Router {
  const router = Router();

  router.get('/programmes', async (req, res) => {
    const actor = requireAdmin(req);
    const rows = await programmeRepository(db, actor.tenantId).list();
    res.json({ programmes: rows.map(presentProgramme) } satisfies ProgrammeList);
  });

  router.post('/programmes', async (req, res) => {
    const input = parseBody(createProgrammeSchema, req);
    const actor = requireAdmin(req);
    const id = await programmeCreator({ db, actor, input, now: clock(), anonymityFloor: config.anonymityFloor });
    const row = await programmeRepository(db, actor.tenantId).find(id);
    res.status(201).location(`/api/programmes/${id}`).json(presentProgramme(row!));
  });

  router.get('/programmes/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const actor = requireAdmin(req);
    const row = await programmeRepository(db, actor.tenantId).find(id);
    if (!row) throw notFound();
    res.json(presentProgramme(row));
  });

  router.patch('/programmes/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(updateProgrammeSchema, req);
    const actor = requireAdmin(req);
    await programmeUpdater({ db, actor, input, now: clock(), id, anonymityFloor: config.anonymityFloor });
    const row = await programmeRepository(db, actor.tenantId).find(id);
    res.json(presentProgramme(row!));
  });

  return router;
}
