import express from 'express';
import type { Request, Response } from 'express';
import type { Event } from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import type { ScheduleRequest } from './calendarStore';
import type { GraphContext } from './context';
import { assertMailboxAccess, callerOf, queryOf } from './context';
import { GraphError } from './graphError';
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

/** Graph confirms a `Prefer: outlook.timezone` it honoured with `Preference-Applied` (as the event reference shows). */
function confirmTimeZone(req: Request, res: Response): void {
  if (/outlook\.timezone/i.test(req.get('prefer') ?? '')) res.set('Preference-Applied', `outlook.timezone="${preferredTimeZone(req.get('prefer'))}"`);
}

/** calendarView pages: 10 events unless `$top` asks for more (up to 1000). */
const VIEW_PAGE = 10;
const VIEW_MAX_PAGE = 1000;

/** A calendarView bound: ISO 8601, UTC when it names no offset. */
function viewBound(value: string | null): DateTime | null {
  if (!value) return null;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) throw new GraphError(400, 'ErrorInvalidParameter', `The value '${value}' of the query string parameter is not a valid date and time.`);
  return parsed;
}

/** The `$select` of an event list: `id` and the etag always come back, as Graph sends them. */
function selected(item: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return item;
  const wanted = new Set(select.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean));
  return Object.fromEntries(Object.entries(item).filter(([key]) => key === 'id' || key.startsWith('@odata.') || wanted.has(key.toLowerCase())));
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
    confirmTimeZone(req, res);
    res.status(201).json(presentEvent(event, req, ctx, person.user.id));
  };
  router.post('/me/events', createEvent);
  router.post('/users/:id/events', createEvent);
  router.post('/me/calendar/events', createEvent);
  router.post('/users/:id/calendar/events', createEvent);

  const calendarView = (req: Request, res: Response) => {
    const person = ownMailbox(req, res);
    const query = queryOf(req);
    const from = viewBound(query.get('startDateTime'));
    const to = viewBound(query.get('endDateTime'));
    if (!from || !to) throw new GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
    const top = Number(query.get('$top') ?? VIEW_PAGE);
    const skip = Number(query.get('$skip') ?? 0);
    if (!Number.isInteger(top) || top < 1 || top > VIEW_MAX_PAGE || !Number.isInteger(skip) || skip < 0) throw new GraphError(400, 'ErrorInvalidParameter', 'Invalid $top or $skip value.');
    const items = ctx.calendars.calendarView(person.user.id, from, to);
    confirmTimeZone(req, res);
    const body: Record<string, unknown> = {
      '@odata.context': `${ctx.graphBaseUrl}/$metadata#users('${person.user.id}')/calendarView`,
      value: items.slice(skip, skip + top).map(({ event }) => {
        const { '@odata.context': _entityContext, ...item } = presentEvent(event, req, ctx, person.user.id);
        return selected(item, query.get('$select'));
      }),
    };
    if (skip + top < items.length) {
      const next = new URLSearchParams(query);
      next.set('$top', String(top));
      next.set('$skip', String(skip + top));
      body['@odata.nextLink'] = `${ctx.graphBaseUrl}${req.path}?${next.toString()}`;
    }
    res.json(body);
  };
  for (const path of ['/me/calendarView', '/users/:id/calendarView', '/me/calendar/calendarView', '/users/:id/calendar/calendarView']) router.get(path, calendarView);

  for (const prefix of ['/me', '/users/:id']) {
    router.get(`${prefix}/events/:eventId`, (req, res) => {
      const person = ownMailbox(req, res);
      const event = ctx.calendars.getEvent(person.user.id, req.params.eventId as string);
      confirmTimeZone(req, res);
      res.json(selected(presentEvent(event, req, ctx, person.user.id), queryOf(req).get('$select')));
    });
    router.patch(`${prefix}/events/:eventId`, (req, res) => {
      const person = ownMailbox(req, res);
      const event = ctx.calendars.updateEvent(person.user.id, req.params.eventId as string, req.body as Event);
      confirmTimeZone(req, res);
      res.json(presentEvent(event, req, ctx, person.user.id));
    });
    router.delete(`${prefix}/events/:eventId`, (req, res) => {
      const person = ownMailbox(req, res);
      ctx.calendars.deleteEvent(person.user.id, req.params.eventId as string);
      res.status(204).end();
    });
    router.post(`${prefix}/events/:eventId/cancel`, (req, res) => {
      const person = ownMailbox(req, res);
      const comment = (req.body as { comment?: unknown } | undefined)?.comment;
      ctx.calendars.cancelEvent(person.user.id, req.params.eventId as string, typeof comment === 'string' ? comment : '');
      res.status(202).end();
    });
  }
  return router;
}
