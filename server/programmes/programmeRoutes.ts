import type { ProgrammeList } from '../../shared/api/programmes';
import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { createProgrammeSchema, updateProgrammeSchema } from '../../shared/schemas/programme';
import { curriculumInputSchema } from '../../shared/schemas/training';
import { callerOf } from '../auth/authenticate';
import type { AppDeps } from '../appDeps';
import { notFound } from '../http/errors';
import { parseBody, parseParams } from '../http/validate';
import { authorize } from '../policies/policy';
import { programmePolicy } from '../policies/programmePolicy';
import { curriculumSetter } from './curriculumCommands';
import { programmeCreator, programmeUpdater } from './programmeCommands';
import { presentProgramme } from './programmePresenter';
import { programmeRepository } from './programmeRepository';

export function programmeRoutes({ db, clock, config }: AppDeps): Router {
  const router = Router();

  router.get('/programmes', async (req, res) => {
    const actor = authorize(programmePolicy, callerOf(req), 'list');
    const rows = await programmeRepository(db, actor.tenantId).list();
    res.json({ programmes: rows.map(presentProgramme) } satisfies ProgrammeList);
  });

  router.post('/programmes', async (req, res) => {
    const input = parseBody(createProgrammeSchema, req);
    const actor = authorize(programmePolicy, callerOf(req), 'create');
    const id = await programmeCreator({ db, actor, input, now: clock(), anonymityFloor: config.anonymityFloor });
    const row = await programmeRepository(db, actor.tenantId).load(id);
    res.status(201).location(`/api/programmes/${id}`).json(presentProgramme(row!));
  });

  router.get('/programmes/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const actor = authorize(programmePolicy, callerOf(req), 'read');
    const row = await programmeRepository(db, actor.tenantId).load(id);
    if (!row) throw notFound();
    res.json(presentProgramme(row));
  });

  router.patch('/programmes/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(updateProgrammeSchema, req);
    const actor = authorize(programmePolicy, callerOf(req), 'update');
    await programmeUpdater({ db, actor, input, now: clock(), id, anonymityFloor: config.anonymityFloor });
    const row = await programmeRepository(db, actor.tenantId).load(id);
    res.json(presentProgramme(row!));
  });

  // The training curriculum: replaced whole (edits, additions, removals, order), or reset to the shipped one.
  router.put('/programmes/:id/training', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { modules } = parseBody(curriculumInputSchema, req);
    const actor = authorize(programmePolicy, callerOf(req), 'update');
    await curriculumSetter({ db, actor, programmeId: id, modules, now: clock() });
    res.json(presentProgramme((await programmeRepository(db, actor.tenantId).load(id))!));
  });

  router.delete('/programmes/:id/training', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const actor = authorize(programmePolicy, callerOf(req), 'update');
    await curriculumSetter({ db, actor, programmeId: id, modules: null, now: clock() });
    res.json(presentProgramme((await programmeRepository(db, actor.tenantId).load(id))!));
  });

  return router;
}
