import type { Event, Room } from '@microsoft/microsoft-graph-types';
import { type BatchResponseStep, type BusyInterval, collectScheduleResponses, parseScheduleInformation, planGetScheduleBatches, toDateTimeTimeZone, type WorkingHours } from '../../shared/scheduling';
import type { PlaceRoom } from '../../shared/venues';
import type { Config } from '../config';
import type { GraphSession } from '../graph/graphGateway';
import { graphFailure, type GraphFailureWords } from '../graph/graphFailure';
import { ApiError } from '../http/errors';
import type { AttendeeResponse, BusyBySchedule, Calendar, CalendarEvent, EventAttendee, FreeBusy, NewEvent, OrganisedMeeting } from './calendar';

/** Graph failures of a calendar call, told in calendar terms. */
const calendarWords: GraphFailureWords = { refused: { key: 'upstreamUnavailable.calendarRefused' }, missing: { key: 'notFound.calendarMissing' } };

async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw graphFailure(error, calendarWords) ?? new ApiError('upstreamUnavailable');
  }
}

interface ScheduleProps {
  /** Whose `getSchedule` asks; absent: the signed-in person's own (`/me`). */
  calendarUserId?: string;
  schedules: readonly string[];
  from: string;
  to: string;
  /** User ids whose mailbox language rides in the same `$batch`. */
  mailboxLanguagesOf?: readonly string[];
}

const languageStep = (userId: string) => `mailbox-language-${userId}`;

/**
 * Free/busy of people and rooms in one `$batch` round trip: getSchedule calls of at most 20
 * schedules, sent together (2 people and 40 rooms: three calls, one batch). Steps throttled
 * inside the batch are sent again after their Retry-After (the gateway does that); a step that
 * still fails makes the whole answer unavailable rather than silently partial.
 */
export async function readFreeBusy(graph: GraphSession, props: ScheduleProps): Promise<FreeBusy> {
  const batches = planGetScheduleBatches({ schedules: props.schedules, from: props.from, to: props.to, userId: props.calendarUserId });
  const steps = batches.flatMap((b) => b.requests);
  const people = props.mailboxLanguagesOf ?? [];
  const languageSteps = people.map((userId) => ({ id: languageStep(userId), path: `/users/${encodeURIComponent(userId)}/mailboxSettings`, method: 'GET' as const }));
  const outcomes = await graph.batch([...steps.map((s) => ({ id: s.id, path: s.url, method: s.method, headers: s.headers, body: s.body })), ...languageSteps]);
  const responses: BatchResponseStep[] = steps.map((s) => ({ id: s.id, status: 424, ...outcomes.get(s.id) }));
  const collected = collectScheduleResponses(responses);
  if (collected.failed.length > 0) {
    const waits = collected.failed.flatMap((f) => (f.retryAfterSeconds === null ? [] : [f.retryAfterSeconds]));
    const detail = { key: 'upstreamUnavailable.freeBusyStatuses', values: { statuses: collected.failed.map((f) => String(f.status)) } } as const;
    throw new ApiError('upstreamUnavailable', detail, [], {}, waits.length > 0 ? Math.max(...waits) : null);
  }
  const request = steps[0]!.body;
  const busy: BusyBySchedule = new Map();
  const workingHours = new Map<string, WorkingHours>();
  for (const info of collected.schedules) {
    const key = info.scheduleId.toLowerCase();
    const parsed = parseScheduleInformation(info, request);
    busy.set(key, parsed.readable ? parsed.busy : null);
    if (info.workingHours) workingHours.set(key, info.workingHours);
  }
  // A mailbox whose settings could not be read is left out: the booking reads it again, or falls back.
  const mailboxLocales = new Map<string, string | null>();
  for (const userId of people) {
    const outcome = outcomes.get(languageStep(userId));
    if (outcome?.status === 200) mailboxLocales.set(userId, (outcome.body as { language?: { locale?: string | null } | null } | undefined)?.language?.locale || null);
  }
  return { busy, workingHours, mailboxLocales };
}

/** Free/busy of a few schedules in one direct getSchedule call. */
async function readBusyNow(graph: GraphSession, props: ScheduleProps): Promise<BusyBySchedule> {
  const step = planGetScheduleBatches({ schedules: props.schedules, from: props.from, to: props.to, userId: props.calendarUserId })[0]!.requests[0]!;
  const answer = await graph.send<{ value?: Parameters<typeof parseScheduleInformation>[0][] }>('POST', step.url, step.body, step.headers);
  const busy = new Map<string, BusyInterval[] | null>();
  for (const info of answer.value ?? []) {
    const parsed = parseScheduleInformation(info, step.body);
    busy.set(info.scheduleId.toLowerCase(), parsed.readable ? parsed.busy : null);
  }
  return busy;
}

function toPlaceRoom(room: Room): PlaceRoom {
  return {
    id: room.id ?? '',
    displayName: room.displayName ?? room.emailAddress ?? '',
    emailAddress: room.emailAddress ?? '',
    building: room.building ?? null,
    floorNumber: room.floorNumber ?? null,
    capacity: room.capacity ?? null,
    tags: room.tags ?? null,
    address: { city: room.address?.city ?? null },
  };
}

const roomAttendee = (room: EventAttendee): NonNullable<Event['attendees']>[number] => ({ type: 'resource', emailAddress: { address: room.mail, name: room.name } });
const roomLocation = (room: EventAttendee): Event['location'] => ({ displayName: room.name, locationType: 'conferenceRoom', locationEmailAddress: room.mail });

function toGraphEvent(event: NewEvent): Event {
  const attendees: NonNullable<Event['attendees']> = event.people.map((p) => ({ type: 'required', emailAddress: { address: p.mail, name: p.name } }));
  if (event.room) attendees.push(roomAttendee(event.room));
  return {
    subject: event.subject,
    body: { contentType: 'html', content: event.body },
    start: toDateTimeTimeZone(Date.parse(event.start)),
    end: toDateTimeTimeZone(Date.parse(event.end)),
    attendees,
    location: event.room
      ? roomLocation(event.room)
      : { displayName: event.location ?? (event.online ? 'Microsoft Teams Meeting' : ''), locationType: 'default' },
    sensitivity: event.private ? 'private' : 'normal',
    showAs: 'busy',
    isReminderOn: true,
    transactionId: event.transactionId,
    ...(event.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
  };
}

function toCalendarEvent(event: Event): CalendarEvent {
  if (!event.id) throw new ApiError('upstreamUnavailable', { key: 'upstreamUnavailable.noEventId' });
  const responses = new Map<string, AttendeeResponse>();
  for (const a of event.attendees ?? []) {
    if (a.emailAddress?.address) responses.set(a.emailAddress.address.toLowerCase(), a.status?.response ?? 'none');
  }
  return { id: event.id, transactionId: event.transactionId ?? null, joinUrl: event.onlineMeeting?.joinUrl ?? null, responses };
}

const eventFields = '$select=id,transactionId,attendees,onlineMeeting';
const meetingFields = '$select=id,subject,start,end,isOrganizer,isCancelled,attendees';

/** A meeting the owner organises with other people (not cancelled), worded for an offer; null otherwise. */
function toOrganisedMeeting(event: Event): OrganisedMeeting | null {
  const people = (event.attendees ?? []).filter((a) => a.type !== 'resource').length;
  if (!event.id || event.isOrganizer !== true || event.isCancelled === true || people === 0 || !event.start || !event.end) return null;
  const instant = (t: NonNullable<Event['start']>) => new Date(`${t.dateTime?.replace(/Z$/, '')}Z`).toISOString();
  return { id: event.id, subject: event.subject ?? '', start: instant(event.start), end: instant(event.end), attendees: people };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Microsoft Graph calendars as one identity reaches them: the only place that builds Graph's
 * calendar paths and bodies. With the app's own identity an event lives at
 * `/users/{organizer}/...`; a delegated token reaches only the caller's own mailbox, `/me/...`
 * (decision 0016), whoever is named as organizer.
 */
export function graphCalendar(graph: GraphSession, identity: Config['bookingIdentity']): Calendar {
  const ownerOf = identity === 'app' ? (organizerId: string) => organizerId : () => undefined;
  const mailbox = (organizerId: string) => {
    const owner = ownerOf(organizerId);
    return owner === undefined ? '/me' : `/users/${encodeURIComponent(owner)}`;
  };
  const event = (organizerId: string, eventId: string) => `${mailbox(organizerId)}/events/${encodeURIComponent(eventId)}`;
  return {
    // A delegated token reads only the caller's own mailbox settings: the languages are then read at booking, with the app's identity.
    freeBusy: (q) =>
      mapped(() => readFreeBusy(graph, { calendarUserId: ownerOf(q.organizerId), schedules: q.schedules, from: q.from, to: q.to, mailboxLanguagesOf: identity === 'app' ? q.mailboxLanguagesOf : [] })),
    busyNow: (q) => mapped(() => readBusyNow(graph, { calendarUserId: ownerOf(q.organizerId), schedules: q.schedules, from: q.from, to: q.to })),
    rooms: () => mapped(async () => (await graph.list<Room>('/places/microsoft.graph.room?$top=999')).items.map(toPlaceRoom).filter((r) => r.emailAddress !== '')),
    createEvent: (organizerId, input) => mapped(async () => toCalendarEvent(await graph.send<Event>('POST', `${mailbox(organizerId)}/events`, toGraphEvent(input)))),
    moveEvent: (organizerId, eventId, slot) =>
      mapped(async () => {
        await graph.send('PATCH', event(organizerId, eventId), { start: toDateTimeTimeZone(Date.parse(slot.start)), end: toDateTimeTimeZone(Date.parse(slot.end)) });
      }),
    // Graph replaces the whole attendee list on PATCH: the people are sent back as they are, the room swapped.
    changeRoom: (organizerId, eventId, room) =>
      mapped(async () => {
        const current = await graph.get<Event>(`${event(organizerId, eventId)}?$select=attendees`);
        const people = (current.attendees ?? []).filter((a) => a.type !== 'resource').map((a) => ({ type: a.type, emailAddress: a.emailAddress }));
        await graph.send('PATCH', event(organizerId, eventId), { attendees: [...people, roomAttendee(room)], location: roomLocation(room) });
      }),
    // Graph's `cancel` tells the attendees and the room; a DELETE would tell nobody.
    cancelEvent: (organizerId, eventId, comment) =>
      mapped(async () => {
        await graph.send('POST', `${event(organizerId, eventId)}/cancel`, { comment });
      }),
    readEvent: (organizerId, eventId) => mapped(async () => toCalendarEvent(await graph.get<Event>(`${event(organizerId, eventId)}?${eventFields}`))),
    eventsBetween: (organizerId, from, to) =>
      mapped(async () => {
        const window = `startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}`;
        const view = await graph.list<Event>(`${mailbox(organizerId)}/calendarView?${window}&${eventFields}&$top=100`);
        return view.items.filter((e) => e.id).map(toCalendarEvent);
      }),
    // Times come back in UTC (no Prefer header); the view includes meetings already under way, which are not offered.
    meetingsOrganised: (organizerId, from, to) =>
      mapped(async () => {
        const window = `startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}`;
        const view = await graph.list<Event>(`${mailbox(organizerId)}/calendarView?${window}&${meetingFields}&$top=100`);
        return view.items.flatMap((e) => toOrganisedMeeting(e) ?? []).filter((m) => m.start >= from);
      }),
    // Graph replaces the whole attendee list on PATCH: everyone already invited is sent back with the new person.
    // Only attendees changed: Graph tells only the new person; with a note the description changes too, and everyone is told.
    addOptionalAttendee: (organizerId, eventId, person, note) =>
      mapped(async () => {
        const current = await graph.get<Event>(`${event(organizerId, eventId)}?$select=attendees,isOrganizer,body`);
        if (current.isOrganizer !== true) throw new ApiError('notFound', calendarWords.missing);
        const kept = (current.attendees ?? []).filter((a) => a.emailAddress?.address?.toLowerCase() !== person.mail.toLowerCase());
        const attendees = [...kept.map((a) => ({ type: a.type, emailAddress: a.emailAddress })), { type: 'optional' as const, emailAddress: { address: person.mail, name: person.name } }];
        // The body is read and sent back whole, after the note: an online meeting's join details live in it.
        const body = note === null ? {} : { body: { contentType: 'html' as const, content: `<p>${escapeHtml(note)}</p>${current.body?.contentType === 'text' ? `<p>${escapeHtml(current.body.content ?? '')}</p>` : (current.body?.content ?? '')}` } };
        await graph.send('PATCH', event(organizerId, eventId), { attendees, ...body });
      }),
  };
}
