import express from 'express';
import type { Request, Response } from 'express';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { ScheduleRequest } from './calendarStore';
import type { GraphContext } from './context';
import { assertMailboxAccess, callerOf } from './context';
import { instantOf, preferredTimeZone, toDateTimeTimeZone } from './timeZones';
import { mailboxOwner } from './usersRoutes';

/** An event as Graph returns it: times in the `Prefer: outlook.timezone` zone (UTC by default). */
function presentEvent(event: Event, req: Request, ctx: GraphContext, mailboxId: string): Record<string, unknown> {
  const zone = preferredTimeZone(req.get('prefer'));
  return {
    '@odata.context': `${ctx.graphBaseUrl}/$metadata#users('${mailboxId}')/events/$entity`,
    '@odata.etag': `W/"${event.changeKey}"`,
    ...event,
    start: toDateTimeTimeZone(instantOf(event.start, 'start'), zone),
    end: toDateTimeTimeZone(instantOf(event.end, 'end'), zone),
  };
}

export function calendarRouter(ctx: GraphContext): express.Router {
  const router = express.Router();
  const owner = (req: Request, res: Response) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    return person;
  };
  const ownMailbox = (req: Request, res: Response) => {
    const person = owner(req, res);
    assertMailboxAccess(callerOf(res), person.user.id);
    return person;
  };

  const getSchedule = (req: Request, res: Response) => {
    owner(req, res);
    const zone = preferredTimeZone(req.get('prefer'));
    const value = ctx.calendars.getSchedule(req.body as ScheduleRequest, zone);
    res.json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value });
  };
  router.post('/me/calendar/getSchedule', getSchedule);
  router.post('/users/:id/calendar/getSchedule', getSchedule);

  const createEvent = (req: Request, res: Response) => {
    const person = ownMailbox(req, res);
    const event = ctx.calendars.createEvent(person.user.id, { name: person.user.displayName, address: person.user.mail }, req.body as Event, ctx.graphBaseUrl);
    res.status(201).json(presentEvent(event, req, ctx, person.user.id));
  };
  router.post('/me/events', createEvent);
  router.post('/users/:id/events', createEvent);
  router.post('/me/calendar/events', createEvent);
  router.post('/users/:id/calendar/events', createEvent);

  for (const prefix of ['/me', '/users/:id']) {
    router.get(`${prefix}/events/:eventId`, (req, res) => {
      const person = ownMailbox(req, res);
      res.json(presentEvent(ctx.calendars.getEvent(person.user.id, req.params.eventId as string), req, ctx, person.user.id));
    });
    router.patch(`${prefix}/events/:eventId`, (req, res) => {
      const person = ownMailbox(req, res);
      const event = ctx.calendars.updateEvent(person.user.id, req.params.eventId as string, req.body as Event);
      res.json(presentEvent(event, req, ctx, person.user.id));
    });
    router.delete(`${prefix}/events/:eventId`, (req, res) => {
      const person = ownMailbox(req, res);
      ctx.calendars.deleteEvent(person.user.id, req.params.eventId as string);
      res.status(204).end();
    });
    router.post(`${prefix}/events/:eventId/cancel`, (req, res) => {
      const person = ownMailbox(req, res);
      ctx.calendars.cancelEvent(person.user.id, req.params.eventId as string);
      res.status(202).end();
    });
  }
  return router;
}
