import express from 'express';
import type { AppRegistrations, UploadedCertificate } from '../identity/appRegistration';
import type { CalendarStore } from './calendarStore';
import type { DirectoryStore } from './directoryStore';
import type { FaultInjector, FaultRule } from './faults';
import type { RequestStats } from './requestStats';

/**
 * The stand-in's own admin API under `/_standin` (not part of Graph): inject faults, read and
 * reset request counters, move people between managers to simulate a reorganisation, and upload
 * or remove an app registration's certificates (the PEM public part as the body), as an admin does
 * under Certificates & secrets in the Entra admin centre, and have rooms answer their invitations
 * now or take back one they accepted.
 */
export function adminRouter(deps: { faults: FaultInjector; stats: RequestStats; directory: DirectoryStore; calendars: CalendarStore; applications: AppRegistrations }): express.Router {
  const router = express.Router();
  router.post('/applications/:clientId/certificates', express.text({ type: () => true, limit: '64kb' }), (req, res) => {
    const app = deps.applications.find(String(req.params.clientId));
    if (!app) return void res.status(404).json({ error: { code: 'Request_ResourceNotFound', message: `No application with client id ${String(req.params.clientId)}.` } });
    try {
      res.status(201).json(describeCertificate(app.certificates.upload(typeof req.body === 'string' ? req.body : '')));
    } catch (error) {
      res.status(400).json({ error: { code: 'BadRequest', message: (error as Error).message } });
    }
  });
  router.get('/applications', (_req, res) => {
    res.json({ value: deps.applications.list().map((app) => ({ clientId: app.clientId, displayName: app.displayName, certificates: app.certificates.list().map(describeCertificate) })) });
  });
  router.delete('/applications/:clientId/certificates/:thumbprint', (req, res) => {
    const removed = deps.applications.find(String(req.params.clientId))?.certificates.remove(String(req.params.thumbprint));
    res.status(removed ? 204 : 404).end();
  });
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
  router.post('/rooms/process', (req, res) => {
    const eventId = (req.body as { eventId?: unknown } | undefined)?.eventId;
    if (eventId !== undefined && typeof eventId !== 'string') return void res.status(400).json({ error: { code: 'BadRequest', message: 'eventId must be a string.' } });
    res.json({ answered: deps.calendars.processRoomInvitations(eventId === undefined ? {} : { eventId }) });
  });
  router.post('/rooms/:room/decline', (req, res) => {
    const eventId = (req.body as { eventId?: unknown } | undefined)?.eventId;
    if (typeof eventId !== 'string') return void res.status(400).json({ error: { code: 'BadRequest', message: 'Name the event the room declines: {"eventId": "..."}.' } });
    if (!deps.calendars.declineAsRoom(String(req.params.room), eventId)) return void res.status(404).json({ error: { code: 'NotFound', message: 'That room has not accepted that event.' } });
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

function describeCertificate(certificate: UploadedCertificate) {
  return { thumbprint: certificate.thumbprint, subject: certificate.subject, startDateTime: certificate.startDateTime.toISOString(), endDateTime: certificate.endDateTime.toISOString() };
}
