import type { Event } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';

let standIn: M365StandIn;

beforeAll(async () => {
  // An hour's delay: nothing is answered by the clock during a test, only by reads after it or by `rooms.process`.
  standIn = await startM365StandIn({ port: 0, seed: 'rooms', size: 60, roomResponseDelayMs: 3_600_000 });
});
afterAll(() => standIn.stop());

const leader = DEMO_PERSONAS.seniorLeader.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
let day = 0;
/** A fresh hour on its own day, so the tests' bookings never meet. */
const nextSlot = () => {
  day += 1;
  const date = `2031-01-${String(day).padStart(2, '0')}`;
  return { start: { dateTime: `${date}T10:00:00`, timeZone: 'UTC' }, end: { dateTime: `${date}T11:00:00`, timeZone: 'UTC' } };
};

async function graph<T = Event>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const token = await standIn.issueAppToken();
  const response = await fetch(`${standIn.graphBaseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

const room = () => standIn.org.rooms.find((r) => r.bookingType === 'standard')!;
const book = async (organizer: string, slot: ReturnType<typeof nextSlot>) => {
  const created = await graph('POST', `/users/${organizer}/events`, { subject: 'Meeting', ...slot, attendees: [{ type: 'resource', emailAddress: { address: room().emailAddress } }] });
  expect(created.status).toBe(201);
  return created.body;
};
const roomAnswer = (event: Event) => event.attendees?.find((a) => a.type === 'resource')?.status?.response;
const read = async (organizer: string, id: string) => (await graph('GET', `/users/${organizer}/events/${id}`)).body;
const roomBusy = async (slot: ReturnType<typeof nextSlot>) => {
  const answer = await graph<{ value: { availabilityView: string }[] }>('POST', `/users/${leader}/calendar/getSchedule`, { schedules: [room().emailAddress], startTime: slot.start, endTime: slot.end, availabilityViewInterval: 60 });
  return answer.body.value[0]!.availabilityView;
};

describe('rooms answer invitations as Exchange resource mailboxes do: after the create, not in its answer', () => {
  it('shows no answer from the room in the create response, nor before the room has processed the invitation', async () => {
    const slot = nextSlot();
    const event = await book(leader, slot);
    // A lenient stand-in answered "accepted" here, inside the create.
    expect(roomAnswer(event)).toBe('none');
    expect(roomAnswer(await read(leader, event.id!))).toBe('none');
    // Not accepted yet: the room's own calendar does not hold the meeting.
    expect(await roomBusy(slot)).toBe('0');
  });

  it('accepts a free room when the invitation is processed, and the organizer’s copy then shows it', async () => {
    const slot = nextSlot();
    const event = await book(leader, slot);
    expect(standIn.rooms.process({ eventId: event.id! })).toBe(1);
    const after = await read(leader, event.id!);
    expect(roomAnswer(after)).toBe('accepted');
    expect(await roomBusy(slot)).toBe('2');
  });

  it('declines the invitation that clashes with a booking it accepted first, whichever was created first', async () => {
    const slot = nextSlot();
    const ours = await book(leader, slot);
    const theirs = await book(admin, slot);
    // The later booking is processed first: it holds the room, and ours is declined.
    standIn.rooms.process({ eventId: theirs.id! });
    standIn.rooms.process({ eventId: ours.id! });
    expect(roomAnswer(await read(admin, theirs.id!))).toBe('accepted');
    expect(roomAnswer(await read(leader, ours.id!))).toBe('declined');
  });

  it('answers in arrival order when all are processed together (the admin API), and again after a move', async () => {
    const slot = nextSlot();
    const first = await book(leader, slot);
    const second = await book(admin, slot);
    const processed = await fetch(`${standIn.url}/_standin/rooms/process`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(processed.status).toBe(200);
    expect(roomAnswer(await read(leader, first.id!))).toBe('accepted');
    expect(roomAnswer(await read(admin, second.id!))).toBe('declined');

    // The declined meeting moved to a free time is a new request: no answer until processed, then accepted.
    const free = nextSlot();
    const moved = await graph('PATCH', `/users/${admin}/events/${second.id!}`, free);
    expect(roomAnswer(moved.body)).toBe('none');
    standIn.rooms.process();
    expect(roomAnswer(await read(admin, second.id!))).toBe('accepted');
  });

  it('answers on the first read after the configured delay, without being told', async () => {
    let now = Date.parse('2030-06-01T08:00:00Z');
    const timed = await startM365StandIn({ port: 0, seed: 'rooms', size: 60, roomResponseDelayMs: 30_000, now: () => now });
    try {
      const token = await timed.issueAppToken();
      const call = async (method: string, path: string, body?: unknown) =>
        (await fetch(`${timed.graphBaseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })).json() as Promise<Event>;
      const created = await call('POST', `/users/${leader}/events`, { subject: 'Timed', ...nextSlot(), attendees: [{ type: 'resource', emailAddress: { address: room().emailAddress } }] });
      now += 29_000;
      expect(roomAnswer(await call('GET', `/users/${leader}/events/${created.id!}`))).toBe('none');
      now += 1_000;
      expect(roomAnswer(await call('GET', `/users/${leader}/events/${created.id!}`))).toBe('accepted');
    } finally {
      await timed.stop();
    }
  });

  it('lets facilities take back a room it accepted: the organizer’s copy shows the decline and the room is free again', async () => {
    const slot = nextSlot();
    const event = await book(leader, slot);
    standIn.rooms.process({ eventId: event.id! });
    const refused = await fetch(`${standIn.url}/_standin/rooms/${encodeURIComponent(room().emailAddress)}/decline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(400);
    const declined = await fetch(`${standIn.url}/_standin/rooms/${encodeURIComponent(room().emailAddress)}/decline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: event.id }) });
    expect(declined.status).toBe(204);
    expect(roomAnswer(await read(leader, event.id!))).toBe('declined');
    expect(await roomBusy(slot)).toBe('0');
    // Only an acceptance can be taken back.
    expect(standIn.rooms.decline(room().emailAddress, event.id!)).toBe(false);
  });
});
