import type { Event } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../../../dev/demoOrg/personas';
import { type M365StandIn, startM365StandIn } from '../../../dev/m365StandIn';
import { createRoomCatalogue } from '../../booking/roomCatalogue';
import { bookingIdentity } from '../../calendar/bookingIdentity';
import { aPair } from '../../../test/harness/factories';
import { startTestService, type TestService } from '../../../test/harness/testService';
import { botJobKinds } from '../botMessages/botJobs';
import { noticeJobs } from '../botMessages/noticePlanner';
import { checkRooms, roomCheckJob, roomCheckJobs } from './roomCheck';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;

interface Suggestion {
  start: string;
  end: string;
  venue: { kind: 'room' | 'offsite' | 'online'; ref: string | null; displayName: string };
}

/*
 * Exchange's rooms answer a booking after the create (the stand-in's rooms do too), and facilities
 * can take a room back later. A session is booked through the API; the room declines afterwards;
 * the room check (the background job's body) notices it in the organizer's calendar and moves the
 * session to another free neutral room, or marks it and tells the pair.
 */
describe('a room that declines after the booking', () => {
  let service: TestService;
  let tenantId: string;

  let standIn: M365StandIn;

  beforeAll(async () => {
    // Rooms take an hour to answer: during a test they answer only when told to (`rooms.process`), in the order the test says.
    standIn = await startM365StandIn({ port: 0, seed: 'upward', size: 120, roomResponseDelayMs: 3_600_000 });
    service = await startTestService({ standIn });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
    await standIn.stop();
  });

  const db = () => service.database.db;
  const check = () => checkRooms({ db: db(), identity: bookingIdentity('app', service.deps.graph), directory: service.deps.directory, rooms: createRoomCatalogue({ clock: () => new Date() }), logger: service.deps.logger }, tenantId, new Date());
  const graphCall = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${service.standIn.graphBaseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await service.standIn.issueAppToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as T;
  };
  const eventOf = (eventId: string) => graphCall<Event>('GET', `/users/${leader}/events/${encodeURIComponent(eventId)}`);
  const roomsOf = (event: Event) => (event.attendees ?? []).filter((a) => a.type === 'resource').map((a) => ({ room: a.emailAddress?.address?.toLowerCase(), response: a.status?.response }));
  /** Somebody else books a room for the slot straight in Outlook. */
  const bookElsewhere = (room: string, s: { start: string; end: string }) =>
    graphCall<Event>('POST', `/users/${admin}/events`, {
      subject: 'Budget review',
      start: { dateTime: s.start.replace('Z', ''), timeZone: 'UTC' },
      end: { dateTime: s.end.replace('Z', ''), timeZone: 'UTC' },
      attendees: [{ type: 'resource', emailAddress: { address: room } }],
    });

  /** A pair books its first suggested room through the API, as the add-in does. */
  const bookARoom = async () => {
    const pair = await aPair(db(), tenantId, { status: 'active', mentorUserId: mentor, menteeUserId: leader });
    for (const id of [leader, mentor]) {
      const { user } = service.standIn.org.byId.get(id)!;
      await db().updateTable('directory_users').set({ mail: user.mail, office_location: user.officeLocation, city: user.city }).where('user_id', '=', id).execute();
    }
    const list = await service.api('GET', `/api/pairs/${pair.id}/booking/suggestions?mode=room`, { as: leader });
    expect(list.status).toBe(200);
    const chosen = (list.body.suggestions as Suggestion[]).find((s) => s.venue.kind === 'room')!;
    const booked = await service.api('POST', `/api/pairs/${pair.id}/sessions`, { as: leader, body: { start: chosen.start, end: chosen.end, venue: { kind: 'room', ref: chosen.venue.ref } } });
    expect(booked.status).toBe(201);
    const session = await db().selectFrom('sessions').selectAll().where('id', '=', booked.body.id).executeTakeFirstOrThrow();
    return { pair, chosen, session, room: chosen.venue.ref!.toLowerCase() };
  };
  const sessionRow = (id: string) => db().selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const roomEvents = (pairId: string) => db().selectFrom('domain_events').select(['kind', 'payload']).where('pair_id', '=', pairId).where('kind', '=', 'session.room-declined').execute();

  it('leaves a session alone while its room has not answered or has accepted', async () => {
    const { session, room, pair } = await bookARoom();
    // Booked: the room has not answered yet (Exchange's create answer never carries it).
    expect(await check()).toContain('unchanged');
    service.standIn.rooms.process({ eventId: session.event_id! });
    expect(roomsOf(await eventOf(session.event_id!))).toEqual([{ room, response: 'accepted' }]);
    await check();
    expect((await sessionRow(session.id)).venue).toEqual(session.venue);
    expect(await roomEvents(pair.id)).toEqual([]);
  });

  it('moves the session to another free neutral room when a booking the room answered first took it, and tells both people', async () => {
    const { session, room, pair, chosen } = await bookARoom();
    // Somebody booked the room for the same time a moment after us, and the room answered them first.
    const theirs = await bookElsewhere(room, chosen);
    service.standIn.rooms.process({ eventId: theirs.id! });
    service.standIn.rooms.process({ eventId: session.event_id! });
    expect(roomsOf(await eventOf(session.event_id!))).toEqual([{ room, response: 'declined' }]);

    expect(await check()).toContain('moved');

    const moved = await sessionRow(session.id);
    const venue = moved.venue as { kind: string; ref: string; displayName: string };
    expect(venue.kind).toBe('room');
    expect(venue.ref.toLowerCase()).not.toBe(room);
    // The event now invites the new room (which answers later) and shows it as the location; the people stay invited.
    const event = await eventOf(session.event_id!);
    expect(roomsOf(event)).toEqual([{ room: venue.ref.toLowerCase(), response: 'none' }]);
    expect(event.location?.displayName).toBe(venue.displayName);
    expect((event.attendees ?? []).filter((a) => a.type === 'required')).toHaveLength(2);
    service.standIn.rooms.process({ eventId: session.event_id! });
    expect(roomsOf(await eventOf(session.event_id!))).toEqual([{ room: venue.ref.toLowerCase(), response: 'accepted' }]);

    expect(await roomEvents(pair.id)).toEqual([{ kind: 'session.room-declined', payload: { sessionId: session.id, declinedRoom: chosen.venue.ref, movedTo: { ref: venue.ref, displayName: venue.displayName } } }]);
    const notices = (await noticeJobs(db(), new Date())).filter((j) => j.kind === botJobKinds.roomDeclined && (j.payload as { sessionId: string }).sessionId === session.id);
    expect(notices.map((j) => j.payload).sort((a, b) => String(a.userId).localeCompare(String(b.userId)))).toEqual(
      [leader, mentor].sort().map((userId) => ({ userId, pairId: pair.id, sessionId: session.id, movedTo: venue.displayName })),
    );
    // The workspace shows the new room, with nothing to do.
    const workspace = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: mentor });
    expect(workspace.body.nextSession).toMatchObject({ id: session.id, venue: { kind: 'room', displayName: venue.displayName, roomDeclined: false } });
  });

  it('tells the pair, in the workspace and by the bot, when facilities take the room back and no other neutral room is free; the mark goes once the room accepts a new time', async () => {
    const { session, room, pair, chosen } = await bookARoom();
    service.standIn.rooms.process({ eventId: session.event_id! });
    // Every other room is taken at that time.
    const blockers: Event[] = [];
    for (const other of service.standIn.org.rooms.filter((r) => r.emailAddress.toLowerCase() !== room)) blockers.push(await bookElsewhere(other.emailAddress, chosen));
    service.standIn.rooms.process();
    expect(service.standIn.rooms.decline(room, session.event_id!)).toBe(true);

    expect(await check()).toContain('told');

    const told = await sessionRow(session.id);
    expect(told.venue).toMatchObject({ kind: 'room', ref: chosen.venue.ref, roomDeclined: true });
    expect(roomsOf(await eventOf(session.event_id!))).toEqual([{ room, response: 'declined' }]);
    expect(await roomEvents(pair.id)).toEqual([{ kind: 'session.room-declined', payload: { sessionId: session.id, declinedRoom: chosen.venue.ref, movedTo: null } }]);
    const notices = (await noticeJobs(db(), new Date())).filter((j) => j.kind === botJobKinds.roomDeclined && (j.payload as { sessionId: string }).sessionId === session.id);
    expect(notices.map((j) => j.payload.movedTo)).toEqual([null, null]);
    const workspace = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader });
    expect(workspace.body.nextSession).toMatchObject({ id: session.id, venue: { roomDeclined: true } });

    // Told once: the next run leaves it, however often it runs.
    expect(await check()).not.toContain('told');
    expect(await roomEvents(pair.id)).toHaveLength(1);

    // The pair moves the session to a day the room is free: the room is asked again, accepts, and the mark goes.
    let moved = null;
    for (let day = 1; day <= 14 && !moved; day++) {
      const shift = (iso: string) => new Date(Date.parse(iso) + day * 86_400_000).toISOString();
      const answer = await service.api('PATCH', `/api/pairs/${pair.id}/sessions/${session.id}`, { as: leader, body: { start: shift(chosen.start), end: shift(chosen.end) } });
      if (answer.status === 200) moved = answer.body;
    }
    expect(moved).not.toBeNull();
    service.standIn.rooms.process({ eventId: session.event_id! });
    expect(roomsOf(await eventOf(session.event_id!))).toEqual([{ room, response: 'accepted' }]);
    expect(await check()).toContain('accepted-again');
    expect((await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader })).body.nextSession).toMatchObject({ id: session.id, venue: { roomDeclined: false } });

    // The other bookings go, so the rooms are free again for the next test.
    const token = await service.standIn.issueAppToken();
    for (const blocker of blockers) await fetch(`${service.standIn.graphBaseUrl}/users/${admin}/events/${encodeURIComponent(blocker.id!)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  });

  it('changes nothing when Graph refuses to change the event, and moves the session on the next run', async () => {
    const { session, room, pair, chosen } = await bookARoom();
    const theirs = await bookElsewhere(room, chosen);
    service.standIn.rooms.process({ eventId: theirs.id! });
    service.standIn.rooms.process({ eventId: session.event_id! });
    service.standIn.faults.add({ path: '/events/', method: 'PATCH', status: 403, count: 1 });

    await expect(check()).rejects.toThrow();
    expect((await sessionRow(session.id)).venue).toEqual(session.venue);
    expect(await roomEvents(pair.id)).toEqual([]);
    expect(roomsOf(await eventOf(session.event_id!))).toEqual([{ room, response: 'declined' }]);

    expect(await check()).toContain('moved');
    expect(await roomEvents(pair.id)).toHaveLength(1);
  });

  it('is planned once per tenant and half hour with the app’s identity, and not with delegated booking', async () => {
    const now = new Date();
    const planned = await roomCheckJobs(db(), now, bookingIdentity('app', service.deps.graph));
    expect(planned.filter((j) => j.tenantId === tenantId)).toEqual([expect.objectContaining({ kind: roomCheckJob.name, dedupeKey: expect.stringMatching(/^room-check:/) })]);
    expect(await roomCheckJobs(db(), now, bookingIdentity('delegated', service.deps.graph))).toEqual([]);
  });

  it('reads rooms’ answers without holding the database, so requests go on meanwhile (embedded PGlite has a single connection)', async () => {
    const { session, pair } = await bookARoom();
    service.standIn.rooms.process({ eventId: session.event_id! });
    // Exchange answers slowly: every event read takes most of a second.
    service.standIn.faults.add({ path: '^/users/[^/]+/events/', method: 'GET', delayMs: 800, count: 100 });
    try {
      const checking = check();
      // Let the check reach its first Graph read.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const first = await Promise.race([checking.then(() => 'the room check'), service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader }).then(() => 'the workspace read')]);
      expect(first).toBe('the workspace read');
      await checking;
    } finally {
      service.standIn.faults.clear();
    }
  });
});
