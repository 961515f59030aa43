import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import type { GraphGateway } from '../graph/graphGateway';
import { ApiError } from '../http/errors';
import { graphGatewayFor, useM365StandIn } from '../../test/harness/m365';
import { bookingIdentity } from './bookingIdentity';
import type { NewEvent } from './calendar';
import { graphCalendar } from './graphCalendar';

const standIn = useM365StandIn({ seed: 'calendar', size: 200 });
let graph: GraphGateway;

beforeAll(() => {
  graph = graphGatewayFor(standIn(), { retry: { maxRetries: 1, delaySeconds: 0 } });
});

beforeEach(() => {
  standIn().faults.clear();
  standIn().stats.reset();
});

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString().replace(/:\d{2}\.\d{3}Z$/, ':00.000Z');
const people = () => standIn().org.people.slice(0, 3).map((p) => p.user);
const room = () => standIn().org.rooms[0]!;
const newEvent = (props: Partial<NewEvent> = {}): NewEvent => {
  const [organizer, guest] = people();
  return {
    subject: 'Upward session',
    body: '<p>Agenda</p>',
    start: hours(48),
    end: hours(49),
    people: [organizer!, guest!].map((u) => ({ mail: u.mail, name: u.displayName })),
    room: { mail: room().emailAddress, name: room().displayName },
    location: null,
    online: false,
    private: true,
    transactionId: randomUUID(),
    ...props,
  };
};
const callerFor = async (userId: string): Promise<Caller> => ({
  tenantId: standIn().tenantId,
  userId,
  name: '',
  username: '',
  roles: [],
  isAdmin: false,
  accessToken: await standIn().issueToken(userId),
});

describe('the Graph calendar with the app’s identity', () => {
  const calendar = () => graphCalendar(graph.forApp(standIn().tenantId), 'app');

  it('creates an event in the named organizer’s mailbox once per transactionId, with the attendees’ responses', async () => {
    const organizer = people()[0]!;
    const input = newEvent();
    const before = standIn().eventCount(organizer.id);
    const first = await calendar().createEvent(organizer.id, input);
    const again = await calendar().createEvent(organizer.id, input);
    expect(again.id).toBe(first.id);
    expect(standIn().eventCount(organizer.id)).toBe(before + 1);
    expect(standIn().stats.get().byPath[`POST /users/${organizer.id}/events`]).toBe(2);
    expect(first.transactionId).toBe(input.transactionId);
    // The room answers after the create, as Exchange's resource mailboxes do; a later read shows it.
    expect(first.responses.get(room().emailAddress.toLowerCase())).toBe('none');

    const read = await calendar().readEvent(organizer.id, first.id);
    expect(read).toMatchObject({ id: first.id, transactionId: input.transactionId });
    expect(read.responses.get(room().emailAddress.toLowerCase())).toBe('accepted');
    expect([...read.responses.keys()]).toEqual(expect.arrayContaining([...input.people.map((p) => p.mail.toLowerCase()), room().emailAddress.toLowerCase()]));
  });

  it('moves, lists and cancels an event, telling the attendees', async () => {
    const organizer = people()[0]!;
    const input = newEvent({ room: null, location: 'The café, 1 High Street' });
    const event = await calendar().createEvent(organizer.id, input);
    const later = { start: hours(72), end: hours(73) };
    await calendar().moveEvent(organizer.id, event.id, later);

    expect((await calendar().eventsBetween(organizer.id, input.start, input.end)).map((e) => e.id)).not.toContain(event.id);
    const moved = await calendar().eventsBetween(organizer.id, later.start, later.end);
    expect(moved.find((e) => e.id === event.id)?.transactionId).toBe(input.transactionId);
    const busy = await calendar().busyNow({ organizerId: organizer.id, schedules: [organizer.mail], from: later.start, to: later.end });
    const covers = (b: { start: string; end: string }) => Date.parse(b.start) <= Date.parse(later.start) && Date.parse(b.end) >= Date.parse(later.end);
    expect(busy.get(organizer.mail.toLowerCase())?.some(covers)).toBe(true);

    await calendar().cancelEvent(organizer.id, event.id, 'Not happening.');
    expect(standIn().cancellations(organizer.id).filter((c) => c.eventId === event.id)).toEqual([expect.objectContaining({ comment: 'Not happening.' })]);
    await expect(calendar().readEvent(organizer.id, event.id)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('reads free/busy and working hours of people and rooms through one $batch from the organizer’s calendar', async () => {
    const [organizer, guest] = people();
    const freeBusy = await calendar().freeBusy({ organizerId: organizer!.id, schedules: [organizer!.mail, guest!.mail, room().emailAddress], from: hours(24), to: hours(24 * 8) });
    expect(freeBusy.busy.size).toBe(3);
    expect(freeBusy.workingHours.has(guest!.mail.toLowerCase())).toBe(true);
    expect(standIn().stats.get()).toMatchObject({ httpRequests: 1, batchCalls: 1, byPath: expect.objectContaining({ [`POST /users/${organizer!.id}/calendar/getSchedule`]: 1 }) });
  });

  it('lists the bookable rooms from Graph Places', async () => {
    const rooms = await calendar().rooms();
    expect(rooms.map((r) => r.emailAddress)).toContain(room().emailAddress);
  });
});

describe('the Graph calendar with the caller’s own identity', () => {
  it('reaches only the caller’s own mailbox, through /me, whoever is named organizer', async () => {
    const [caller, other] = people();
    const calendar = graphCalendar(graph.forUser(await callerFor(caller!.id)), 'delegated');
    const before = { caller: standIn().eventCount(caller!.id), other: standIn().eventCount(other!.id) };
    const event = await calendar.createEvent(other!.id, newEvent({ room: null, online: true }));
    await calendar.busyNow({ organizerId: other!.id, schedules: [caller!.mail, other!.mail], from: hours(24), to: hours(25) });
    await calendar.cancelEvent(other!.id, event.id, 'Not happening.');

    expect(standIn().stats.get().byPath).toMatchObject({ 'POST /me/events': 1, 'POST /me/calendar/getSchedule': 1, [`POST /me/events/${event.id}/cancel`]: 1 });
    expect(Object.keys(standIn().stats.get().byPath).some((path) => path.includes('/users/'))).toBe(false);
    expect(standIn().eventCount(other!.id)).toBe(before.other);
    expect(standIn().cancellations(caller!.id).map((c) => c.eventId)).toContain(event.id);
  });
});

describe('Graph failures of a calendar call', () => {
  const calendar = () => graphCalendar(graph.forApp(standIn().tenantId), 'app');

  it('are Upward’s missing permission (503, for the admin), not the caller’s fault, when Graph refuses', async () => {
    standIn().faults.add({ path: '/events$', method: 'POST', status: 403, count: 1 });
    const refused = await calendar().createEvent(people()[0]!.id, newEvent()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'upstreamUnavailable', status: 503, detail: { key: 'upstreamUnavailable.calendarRefused' }, message: expect.stringMatching(/calendar permission/) });
  });

  it('are a 503 with Graph’s Retry-After when Graph keeps throttling, and a 404 when the event is gone', async () => {
    standIn().faults.add({ path: '/calendar/getSchedule$', status: 429, retryAfterSeconds: 1, count: 5 });
    const { mail, id } = people()[0]!;
    await expect(calendar().busyNow({ organizerId: id, schedules: [mail], from: hours(24), to: hours(25) })).rejects.toMatchObject({ code: 'upstreamUnavailable', status: 503, retryAfterSeconds: 1 });
    await expect(calendar().cancelEvent(id, 'AAMkAGNoSuchEventAAA=', 'x')).rejects.toMatchObject({ code: 'notFound', status: 404 });
  });
});

describe('the booking identity, chosen by configuration', () => {
  it('with the app’s identity, books in the calendar asked for and lets either member change it', async () => {
    const [caller, mentee] = people();
    const identity = bookingIdentity('app', graph);
    const actor = await callerFor(caller!.id);
    expect(identity.organizerFor(actor, mentee!.id)).toBe(mentee!.id);
    expect(identity.reaches(actor, mentee!.id)).toBe(true);
  });

  it('with the caller’s identity, books in the caller’s own calendar and lets only its owner change it', async () => {
    const [caller, mentee] = people();
    const identity = bookingIdentity('delegated', graph);
    const actor = await callerFor(caller!.id);
    expect(identity.organizerFor(actor, mentee!.id)).toBe(caller!.id);
    expect([identity.reaches(actor, caller!.id), identity.reaches(actor, mentee!.id)]).toEqual([true, false]);
  });
});

// Outlook allows an app 4 requests at a time on one mailbox; the stand-in enforces it (429 with Retry-After).
describe('the Graph calendar under Outlook’s per-mailbox concurrency limit', () => {
  const calendar = () => graphCalendar(graph.forApp(standIn().tenantId), 'app');

  it('reads six events of one mailbox at once: the two over the limit are sent again after Retry-After, and all arrive', async () => {
    const organizer = people()[0]!;
    const events = await Promise.all(Array.from({ length: 6 }, () => calendar().createEvent(organizer.id, newEvent({ room: null, location: 'The café' }))));
    standIn().stats.reset();
    // Slow reads hold the mailbox while they run.
    standIn().faults.add({ path: '/events/', method: 'GET', delayMs: 300, count: 4 });
    const read = await Promise.all(events.map((e) => calendar().readEvent(organizer.id, e.id)));
    expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
    // More requests than reads: the throttled ones were retried (a lenient stand-in answers six).
    const reads = Object.entries(standIn().stats.get().byPath).filter(([path]) => path.startsWith(`GET /users/${organizer.id}/events/`));
    expect(reads.reduce((sum, [, n]) => sum + n, 0)).toBe(8);
  });

  it('reads the free/busy of 90 rooms (five getSchedule steps on the organizer’s mailbox in one $batch): the fifth is sent again and the answer is whole', async () => {
    const organizer = people()[0]!;
    const rooms = standIn().org.rooms.slice(0, 90).map((r) => r.emailAddress);
    standIn().faults.add({ path: '/calendar/getSchedule$', delayMs: 300, count: 4 });
    const answer = await calendar().freeBusy({ organizerId: organizer.id, schedules: rooms, from: hours(24), to: hours(32) });
    expect(rooms.every((r) => Array.isArray(answer.busy.get(r.toLowerCase())))).toBe(true);
    expect(standIn().stats.get().byPath[`POST /users/${organizer.id}/calendar/getSchedule`]).toBe(6);
  });
});
