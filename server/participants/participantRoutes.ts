import type { DirectoryPeople, ImportReport, ParticipantList } from '../../shared/api/participants';
import type { EnrolmentProgrammeList } from '../../shared/api/programmes';
import express, { Router } from 'express';
import { z } from 'zod';
import { idParams } from '../../shared/schemas/common';
import { enrolSchema, importModeSchema, inviteSchema, participantParams } from '../../shared/schemas/participant';
import { says } from '../../shared/schemas/messages';
import { callerOf } from '../auth/authenticate';
import type { AppDeps } from '../appDeps';
import { ApiError, notFound, problemDetailText } from '../http/errors';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { authorize } from '../policies/policy';
import { participantAdminPolicy } from '../policies/participantPolicy';
import { programmeRepository } from '../programmes/programmeRepository';
import { participantEnroller, participantImporter, participantWithdrawer } from './participantCommands';
import { presentParticipant } from './participantPresenter';
import { participantRepository } from './participantRepository';

const searchQuery = z.object({ q: z.string().trim().min(2, says('schema.searchTooShort')).max(100) });

export function participantRoutes({ db, directory, clock }: AppDeps): Router {
  const router = Router();

  /** Programmes a person can join, and whether they already have. */
  router.get('/enrolment/programmes', async (req, res) => {
    const caller = callerOf(req);
    const [programmes, mine] = await Promise.all([
      programmeRepository(db, caller.tenantId).list(),
      participantRepository(db, caller.tenantId).listForUser(caller.userId),
    ]);
    const byProgramme = new Map(mine.map((p) => [p.programme_id, p]));
    res.json({
      programmes: programmes
        .filter((p) => p.status === 'open' || byProgramme.has(p.id))
        .map((p) => {
          const me = byProgramme.get(p.id);
          return {
            id: p.id,
            name: p.name,
            startsOn: p.starts_on,
            endsOn: p.ends_on,
            status: p.status,
            enrolment: me ? presentParticipant(me, undefined) : null,
          };
        }),
    } satisfies EnrolmentProgrammeList);
  });

  router.post('/programmes/:id/enrolment', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(enrolSchema, req);
    const caller = callerOf(req);
    const { role, ...profile } = input;
    const participantId = await participantEnroller({ db, directory, actor: caller, programmeId: id, userId: caller.userId, role, profile, now: clock() });
    const row = await participantRepository(db, caller.tenantId).find(id, participantId);
    res.status(201).json(presentParticipant(row!, undefined));
  });

  router.get('/programmes/:id/participants', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const admin = authorize(participantAdminPolicy, callerOf(req), 'list');
    if (!(await programmeRepository(db, admin.tenantId).find(id))) throw notFound();
    const rows = await participantRepository(db, admin.tenantId).listForProgramme(id);
    const people = await directory.getPeople(admin.tenantId, rows.map((r) => r.user_id));
    res.json({ participants: rows.map((r) => presentParticipant(r, people.get(r.user_id))) } satisfies ParticipantList);
  });

  router.post('/programmes/:id/participants', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(inviteSchema, req);
    const admin = authorize(participantAdminPolicy, callerOf(req), 'invite');
    const { role, userId, ...profile } = input;
    const participantId = await participantEnroller({ db, directory, actor: admin, programmeId: id, userId, role, profile, now: clock() });
    const row = await participantRepository(db, admin.tenantId).find(id, participantId);
    const people = await directory.getPeople(admin.tenantId, [userId]);
    res.status(201).json(presentParticipant(row!, people.get(userId)));
  });

  router.post('/programmes/:id/participants/import', express.text({ type: ['text/csv', 'text/plain'], limit: '1mb' }), async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { mode } = parseQuery(importModeSchema, req);
    if (typeof req.body !== 'string') throw new ApiError('unsupportedMediaType', { key: 'unsupportedMediaType.csv' });
    const admin = authorize(participantAdminPolicy, callerOf(req), 'import');
    const report = await participantImporter({ db, directory, actor: admin, programmeId: id, csv: req.body, mode, now: clock() });
    const reader = req.get('accept-language');
    res.json({ imported: report.imported, rejected: report.rejected.map((r) => ({ ...r, message: problemDetailText(r.reason, reader) })) } satisfies ImportReport);
  });

  router.delete('/programmes/:id/participants/:participantId', async (req, res) => {
    const { id, participantId } = parseParams(participantParams, req);
    const caller = callerOf(req);
    await participantWithdrawer({ db, actor: caller, programmeId: id, participantId, now: clock() });
    res.status(204).end();
  });

  router.get('/directory/people', async (req, res) => {
    const { q } = parseQuery(searchQuery, req);
    const admin = authorize(participantAdminPolicy, callerOf(req), 'searchDirectory');
    const people = await directory.searchPeople(admin.tenantId, q, 20);
    res.json({
      people: people.map((p) => ({ id: p.id, displayName: p.displayName, mail: p.mail, department: p.department, jobTitle: p.jobTitle })),
    } satisfies DirectoryPeople);
  });

  return router;
}
