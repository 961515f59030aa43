import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Attendee, Event, FreeBusyStatus, ScheduleInformation, ScheduleItem } from '@microsoft/microsoft-graph-types';
import type { DateTime } from 'luxon';
import type { DemoOrg, DemoRoom, DemoSeries } from '../demoOrg/types';
import { GraphError } from './graphError';
import { checkedRecurrence, expandRecurrence, expandSeries, type KeptRecurrence, type Occurrence } from './seriesExpansion';
import { instantOf, toDateTimeTimeZone } from './timeZones';

/** An event as stored: the Graph object plus its owner mailbox and absolute times. */
interface StoredEvent {
  mailboxId: string;
  event: Event;
  start: DateTime;
  end: DateTime;
  /** Addresses (lower case) whose free/busy this event occupies: organizer, attendees, accepted rooms. */
  busyFor: Set<string>;
}

/** A meeting request in a room's inbox that its Resource Booking Attendant has not answered yet. */
interface RoomInvitation {
  eventId: string;
  room: string;
  receivedAt: number;
}

export interface CalendarStoreOptions {
  /**
   * How long a room takes to answer an invitation. Exchange's Resource Booking Attendant answers
   * after the create, never in its response; here an invitation is answered on the first read of a
   * calendar (or free/busy) once this much time has passed, or at once by `processRoomInvitations`.
   */
  roomResponseDelayMs?: number;
  /** Milliseconds now: the clock room answers are timed by. */
  now?: () => number;
}

const MAX_SCHEDULES = 20;
const MAX_WINDOW_DAYS = 62;
const STATUS_CODE: Record<string, string> = { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4' };
const ROOM_WORKING_HOURS = { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '18:00:00.0000000' } as const;
/** Fields a client may set on create and change with PATCH. */
const WRITABLE = ['subject', 'body', 'start', 'end', 'attendees', 'location', 'locations', 'isOnlineMeeting', 'onlineMeetingProvider', 'sensitivity', 'showAs', 'importance', 'isReminderOn', 'reminderMinutesBeforeStart', 'categories', 'allowNewTimeProposals', 'responseRequested', 'hideAttendees'] as const;

function eventId(): string {
  // Outlook ids are long, opaque, URL-safe base64 strings.
  return `AAMkAG${randomBytes(48).toString('base64url')}`;
}

/** A meeting cancellation Exchange sends when the organizer cancels: to every attendee, rooms included. */
export interface SentCancellation {
  mailboxId: string;
  eventId: string;
  transactionId: string | null;
  /** Attendee addresses, lower case. */
  to: string[];
  comment: string;
}

/** A meeting update Exchange sends when the organizer changes a meeting: to whom, and what the description then said. */
export interface SentMeetingUpdate {
  mailboxId: string;
  eventId: string;
  /** Attendee addresses, lower case. */
  to: string[];
  body: string;
}

const ATTENDEE_TYPES = new Set(['required', 'optional', 'resource']);

/** Graph refuses an attendee list it cannot read: each needs an address, and a type of the three it knows (required when absent). */
function checkedAttendees(attendees: unknown): Attendee[] {
  if (!Array.isArray(attendees)) throw new GraphError(400, 'ErrorInvalidRequest', "The property 'attendees' must be a collection.");
  return attendees.map((a: Attendee) => {
    const address = a?.emailAddress?.address;
    if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address)) throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    if (a.type !== undefined && (typeof a.type !== 'string' || !ATTENDEE_TYPES.has(a.type))) {
      throw new GraphError(400, 'RequestBodyRead', `Requested value '${String(a.type)}' was not found.`);
    }
    return { ...a, type: a.type ?? 'required' };
  });
}

/** An item of a calendar view: a single event or one occurrence of a series, with its absolute times. */
export interface CalendarViewItem {
  event: Event;
  start: DateTime;
  end: DateTime;
}

export interface ScheduleRequest {
  schedules: string[];
  startTime: { dateTime?: string | null; timeZone?: string | null };
  endTime: { dateTime?: string | null; timeZone?: string | null };
  availabilityViewInterval?: number;
}

/** Calendars of the demo organisation: generated recurring series plus events created through the API. */
/** Exchange's iCalendar UID: a fixed prefix and a per-item part (different for each occurrence of a series). */
const iCalUIdOf = (id: string) => `040000008200E00074C5B7101A82E008${createHash('sha256').update(id).digest('hex').slice(0, 56).toUpperCase()}`;

export class CalendarStore {
  private readonly events = new Map<string, StoredEvent>();
  private readonly transactions = new Map<string, string>();
  private readonly seriesByAddress = new Map<string, DemoSeries[]>();
  private readonly roomsByAddress = new Map<string, DemoRoom>();
  private readonly userIdByAddress = new Map<string, string>();
  private readonly roomNames = new Map<string, string>();
  private readonly sentCancellations: SentCancellation[] = [];
  private readonly sentUpdates: SentMeetingUpdate[] = [];
  /** Room invitations waiting for their room's answer, in the order they arrived. */
  private pendingRooms: RoomInvitation[] = [];
  private readonly roomResponseDelayMs: number;
  private readonly now: () => number;

  constructor(
    private readonly org: DemoOrg,
    options: CalendarStoreOptions = {},
  ) {
    this.roomResponseDelayMs = options.roomResponseDelayMs ?? 0;
    this.now = options.now ?? Date.now;
    const addressOf = new Map<string, string>();
    for (const p of org.people) {
      addressOf.set(p.user.id, p.user.mail.toLowerCase());
      this.userIdByAddress.set(p.user.mail.toLowerCase(), p.user.id);
    }
    for (const room of org.rooms) {
      this.roomsByAddress.set(room.emailAddress.toLowerCase(), room);
      this.roomNames.set(room.id, room.displayName);
      addressOf.set(room.id, room.emailAddress.toLowerCase());
    }
    const index = (address: string, series: DemoSeries) => {
      const list = this.seriesByAddress.get(address);
      if (list) list.push(series);
      else this.seriesByAddress.set(address, [series]);
    };
    for (const series of org.series) {
      for (const id of series.attendeeIds) index(addressOf.get(id)!, series);
      if (series.roomId) index(addressOf.get(series.roomId)!, series);
    }
  }

  private busyItems(address: string, from: DateTime, to: DateTime, excludeEventId?: string): { start: DateTime; end: DateTime; status: FreeBusyStatus; subject: string; location: string; isPrivate: boolean }[] {
    const items = (this.seriesByAddress.get(address) ?? []).flatMap((series) =>
      expandSeries(series, from, to).map((o) => ({
        start: o.start,
        end: o.end,
        status: series.showAs,
        subject: series.subject,
        location: series.roomId ? (this.roomNames.get(series.roomId) ?? '') : '',
        isPrivate: series.isPrivate,
      })),
    );
    for (const stored of this.events.values()) {
      if (stored.event.id === excludeEventId || !stored.busyFor.has(address)) continue;
      for (const { start, end } of this.occurrencesOf(stored, from, to)) {
        items.push({
          start,
          end,
          status: stored.event.showAs ?? 'busy',
          subject: stored.event.subject ?? '',
          location: stored.event.location?.displayName ?? '',
          isPrivate: stored.event.sensitivity === 'private',
        });
      }
    }
    return items.sort((a, b) => a.start.toMillis() - b.start.toMillis());
  }

  /** `calendar/getSchedule`: free/busy for up to 20 people or rooms, in the caller's preferred zone. */
  getSchedule(request: ScheduleRequest, outputZone: string): ScheduleInformation[] {
    if (!Array.isArray(request.schedules) || request.schedules.length === 0) {
      throw new GraphError(400, 'ErrorInvalidParameter', "The parameter 'schedules' is required and must not be empty.");
    }
    if (request.schedules.length > MAX_SCHEDULES) {
      throw new GraphError(400, 'ErrorInvalidParameter', `Too many schedules: at most ${MAX_SCHEDULES} may be requested in one call.`);
    }
    const from = instantOf(request.startTime, 'startTime');
    const to = instantOf(request.endTime, 'endTime');
    if (to <= from) throw new GraphError(400, 'ErrorInvalidParameter', 'The end time must be after the start time.');
    if (to.diff(from, 'days').days > MAX_WINDOW_DAYS) {
      throw new GraphError(400, 'ErrorInvalidParameter', `The requested time window must not exceed ${MAX_WINDOW_DAYS} days.`);
    }
    const interval = request.availabilityViewInterval ?? 30;
    if (!Number.isInteger(interval) || interval < 5 || interval > 1440) {
      throw new GraphError(400, 'ErrorInvalidParameter', 'availabilityViewInterval must be between 5 and 1440 minutes.');
    }
    this.answerDueRoomInvitations();
    return request.schedules.map((scheduleId) => this.scheduleOf(scheduleId, from, to, interval, outputZone));
  }

  private scheduleOf(scheduleId: string, from: DateTime, to: DateTime, interval: number, outputZone: string): ScheduleInformation {
    const address = scheduleId.toLowerCase();
    const userId = this.userIdByAddress.get(address);
    const room = this.roomsByAddress.get(address);
    if (!userId && !room) {
      return { scheduleId, availabilityView: '', scheduleItems: [], error: { message: `The mailbox ${scheduleId} was not found.`, responseCode: 'ErrorMailRecipientNotFound' } };
    }
    const items = this.busyItems(address, from, to);
    let view = '';
    for (let slot = from; slot < to; slot = slot.plus({ minutes: interval })) {
      const slotEnd = slot.plus({ minutes: interval });
      let code = '0';
      for (const item of items) {
        if (item.start < slotEnd && item.end > slot && STATUS_CODE[item.status]! > code) code = STATUS_CODE[item.status]!;
      }
      view += code;
    }
    const scheduleItems: ScheduleItem[] = items.map((item) => ({
      isPrivate: item.isPrivate,
      status: item.status,
      // Private items show only as time taken, as Outlook shows them to others.
      ...(item.isPrivate ? {} : { subject: item.subject, location: item.location }),
      start: toDateTimeTimeZone(item.start, outputZone),
      end: toDateTimeTimeZone(item.end, outputZone),
    }));
    const workingHours = userId
      ? this.org.byId.get(userId)!.mailboxSettings.workingHours!
      : { ...ROOM_WORKING_HOURS, daysOfWeek: [...ROOM_WORKING_HOURS.daysOfWeek], timeZone: { name: this.org.buildings.find((b) => b.name === room!.building)!.timeZone } };
    return { scheduleId, availabilityView: view, scheduleItems, workingHours };
  }

  /** Creates an event in a mailbox; the same `transactionId` in the same mailbox returns the first event. */
  createEvent(mailboxId: string, organizer: { name: string; address: string }, input: Event, baseUrl: string): Event {
    const transactionKey = input.transactionId ? `${mailboxId}:${input.transactionId}` : undefined;
    this.answerDueRoomInvitations();
    const existing = transactionKey ? this.transactions.get(transactionKey) : undefined;
    if (existing && this.events.has(existing)) return this.events.get(existing)!.event;
    const start = instantOf(input.start, 'Start');
    const end = instantOf(input.end, 'End');
    if (end <= start) throw new GraphError(400, 'ErrorInvalidRequest', 'The end of the event must be after its start.');
    const id = eventId();
    const now = new Date().toISOString();
    const event: Event = {
      id,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: randomBytes(12).toString('base64'),
      categories: [],
      transactionId: input.transactionId ?? null,
      originalStartTimeZone: input.start?.timeZone ?? 'UTC',
      originalEndTimeZone: input.end?.timeZone ?? 'UTC',
      iCalUId: iCalUIdOf(id),
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      hasAttachments: false,
      subject: '',
      bodyPreview: '',
      importance: 'normal',
      sensitivity: 'normal',
      isAllDay: false,
      isCancelled: false,
      isOrganizer: true,
      responseRequested: true,
      seriesMasterId: null,
      showAs: 'busy',
      type: 'singleInstance',
      recurrence: null,
      hideAttendees: false,
      webLink: `${baseUrl}/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      allowNewTimeProposals: true,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      body: { contentType: 'html', content: '' },
      location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown' },
      locations: [],
      attendees: [],
      organizer: { emailAddress: organizer },
      onlineMeeting: null,
    };
    const stored: StoredEvent = { mailboxId, event, start, end, busyFor: new Set() };
    this.apply(stored, input, organizer.address);
    this.events.set(id, stored);
    if (transactionKey) this.transactions.set(transactionKey, id);
    return event;
  }

  private apply(stored: StoredEvent, input: Event, organizerAddress: string): void {
    const { event } = stored;
    if (input.attendees !== undefined) input = { ...input, attendees: checkedAttendees(input.attendees) };
    // Checked before anything changes, so a refused recurrence leaves the event as it was.
    const recurrence = input.recurrence ? checkedRecurrence(input.recurrence, input.start?.timeZone ?? event.originalStartTimeZone ?? 'UTC') : input.recurrence;
    if (recurrence !== undefined) {
      event.recurrence = recurrence;
      event.type = recurrence ? 'seriesMaster' : 'singleInstance';
    }
    for (const field of WRITABLE) {
      if (input[field] !== undefined) (event as Record<string, unknown>)[field] = input[field];
    }
    stored.start = instantOf(event.start, 'Start');
    stored.end = instantOf(event.end, 'End');
    if (stored.end <= stored.start) throw new GraphError(400, 'ErrorInvalidRequest', 'The end of the event must be after its start.');
    if (typeof event.body?.content === 'string') event.bodyPreview = event.body.content.replace(/<[^>]*>/g, '').slice(0, 255);
    if (event.isOnlineMeeting) {
      event.onlineMeetingProvider = 'teamsForBusiness';
      event.onlineMeeting ??= {
        joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID().replace(/-/g, '')}%40thread.v2/0`,
        conferenceId: String(100000000 + (createHash('sha256').update(event.id!).digest().readUInt32BE(0) % 900000000)),
      };
    } else {
      event.onlineMeeting = null;
    }
    // A new time or a new guest list is a meeting update: rooms get it as a new request and answer it again.
    const reinvite = input.start !== undefined || input.end !== undefined || input.attendees !== undefined;
    const keptRooms = new Set(reinvite ? [] : [...stored.busyFor].filter((address) => this.roomsByAddress.has(address)));
    stored.busyFor = new Set([organizerAddress.toLowerCase(), ...keptRooms]);
    if (reinvite) this.pendingRooms = this.pendingRooms.filter((p) => p.eventId !== event.id);
    event.attendees = (event.attendees ?? []).map((attendee): Attendee => {
      const address = attendee.emailAddress?.address?.toLowerCase() ?? '';
      const room = this.roomsByAddress.get(address);
      if (room && attendee.type === 'resource') {
        if (!reinvite) return attendee;
        // The room's Resource Booking Attendant answers later (accepted, or declined on a clash): not in this response.
        this.pendingRooms.push({ eventId: event.id!, room: address, receivedAt: this.now() });
        return { ...attendee, emailAddress: { name: room.displayName, address: room.emailAddress }, status: { response: 'none', time: '0001-01-01T00:00:00Z' } };
      }
      if (this.userIdByAddress.has(address)) stored.busyFor.add(address);
      return { ...attendee, status: attendee.status ?? { response: 'none', time: '0001-01-01T00:00:00Z' } };
    });
    // A location named in free text is a private one, identified by its name, and listed in `locations`.
    if (input.location?.displayName && !input.location.uniqueId) {
      event.location = { locationType: 'default', ...input.location, uniqueId: input.location.displayName, uniqueIdType: 'private' };
      if (!input.locations) event.locations = [{ displayName: input.location.displayName, locationType: event.location.locationType, uniqueIdType: 'unknown' }];
    }
    // Outlook shows an invited room as the location at once, whatever it answers later.
    const roomAttendee = event.attendees.find((a) => a.type === 'resource' && this.roomsByAddress.has(a.emailAddress?.address?.toLowerCase() ?? ''));
    if (roomAttendee && !event.location?.displayName) {
      event.location = { displayName: roomAttendee.emailAddress?.name ?? '', locationType: 'conferenceRoom', locationEmailAddress: roomAttendee.emailAddress?.address ?? null, uniqueIdType: 'directory' };
    }
  }

  /**
   * The Teams meeting an online event holds, found by its chat's thread id (which Teams writes
   * into the join address) or by the join address itself: its organizer and the people invited,
   * who are the members of its chat (rooms are not).
   */
  onlineMeeting(find: { threadId?: string; joinUrl?: string }): { event: Event; threadId: string; organizerId: string; memberIds: string[] } | null {
    for (const stored of this.events.values()) {
      const joinUrl = stored.event.onlineMeeting?.joinUrl;
      if (!joinUrl || stored.event.isCancelled) continue;
      const threadId = decodeURIComponent(/\/meetup-join\/([^/]+)/.exec(joinUrl)?.[1] ?? '');
      if (find.threadId !== undefined ? find.threadId !== threadId : find.joinUrl !== joinUrl) continue;
      const invited = (stored.event.attendees ?? []).map((a) => this.userIdByAddress.get(a.emailAddress?.address?.toLowerCase() ?? '')).filter((id): id is string => id !== undefined);
      return { event: stored.event, threadId, organizerId: stored.mailboxId, memberIds: [...new Set([stored.mailboxId, ...invited])] };
    }
    return null;
  }

  getEvent(mailboxId: string, id: string): Event {
    // Exchange tells a malformed id from a missing item: 400 before any lookup.
    if (!/^[A-Za-z0-9_\-+/=]{16,}$/.test(id)) throw new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
    this.answerDueRoomInvitations();
    const stored = this.events.get(id);
    if (!stored || stored.mailboxId !== mailboxId) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return stored.event;
  }

  /**
   * PATCH: the fields sent replace the stored ones, `attendees` as a whole collection (anyone not
   * sent again is uninvited). Only the organizer's copy changes who is invited. The update goes to
   * the attendees added when only `attendees` changed, and to every attendee otherwise.
   */
  updateEvent(mailboxId: string, id: string, changes: Event): Event {
    const current = this.getEvent(mailboxId, id);
    if (changes.attendees !== undefined && !current.isOrganizer) {
      throw new GraphError(403, 'ErrorAccessDenied', 'Your request can\'t be completed. You need to be an organizer to update the attendees of a meeting.');
    }
    const stored = this.events.get(id)!;
    const organizer = stored.event.organizer?.emailAddress?.address ?? '';
    const before = new Set((current.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase() ?? ''));
    this.apply(stored, changes, organizer);
    stored.event.lastModifiedDateTime = new Date().toISOString();
    stored.event.changeKey = randomBytes(12).toString('base64');
    const onlyAttendees = Object.keys(changes).every((key) => key === 'attendees');
    const to = (stored.event.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase() ?? '').filter((a) => a && (!onlyAttendees || !before.has(a)));
    if (to.length > 0) this.sentUpdates.push({ mailboxId, eventId: id, to, body: stored.event.body?.content ?? '' });
    return stored.event;
  }

  deleteEvent(mailboxId: string, id: string): void {
    this.getEvent(mailboxId, id);
    this.remove(id);
  }

  private remove(id: string): void {
    this.events.delete(id);
    this.pendingRooms = this.pendingRooms.filter((p) => p.eventId !== id);
  }

  /** Cancelling sends the attendees a cancellation and removes the meeting from the organizer's calendar. */
  cancelEvent(mailboxId: string, id: string, comment = ''): void {
    const event = this.getEvent(mailboxId, id);
    if (!event.isOrganizer) throw new GraphError(400, 'ErrorAccessDenied', 'Your request can\'t be completed. You need to be an organizer to cancel a meeting.');
    event.isCancelled = true;
    this.remove(id);
    const to = (event.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase() ?? '').filter(Boolean);
    this.sentCancellations.push({ mailboxId, eventId: id, transactionId: event.transactionId ?? null, to, comment });
  }

  /**
   * `calendarView`: the single events and series occurrences of a mailbox that overlap [from, to),
   * earliest first. Occurrences of the generated series are listed (read-only: their ids are not
   * found by `/events/{id}`); events created through the API carry their `transactionId`.
   */
  calendarView(mailboxId: string, from: DateTime, to: DateTime): CalendarViewItem[] {
    const owner = this.org.byId.get(mailboxId);
    if (!owner) return [];
    const address = owner.user.mail.toLowerCase();
    this.answerDueRoomInvitations();
    const items: CalendarViewItem[] = [];
    for (const stored of this.events.values()) {
      if (stored.mailboxId !== mailboxId) continue;
      // A series is listed as its occurrences, never as its master (as calendarView does in Graph).
      for (const { start, end } of this.occurrencesOf(stored, from, to)) {
        items.push({ event: stored.event.recurrence ? this.occurrenceOfMaster(stored.event, start, end) : stored.event, start, end });
      }
    }
    for (const series of this.seriesByAddress.get(address) ?? []) {
      if (!series.attendeeIds.includes(mailboxId)) continue;
      for (const o of expandSeries(series, from, to)) items.push({ event: this.occurrenceEvent(series, mailboxId, o.start, o.end), start: o.start, end: o.end });
    }
    return items.sort((a, b) => a.start.toMillis() - b.start.toMillis());
  }

  /** A stored event's times that overlap [from, to): its own, or its occurrences when it is a series master. */
  private occurrencesOf(stored: StoredEvent, from: DateTime, to: DateTime): Occurrence[] {
    const recurrence = stored.event.recurrence as KeptRecurrence | null | undefined;
    if (recurrence) return expandRecurrence(recurrence, stored.start, stored.end.diff(stored.start, 'minutes').minutes, from, to);
    return stored.start < to && stored.end > from ? [{ start: stored.start, end: stored.end }] : [];
  }

  /** One occurrence of a series created through the API, as calendarView lists it. */
  private occurrenceOfMaster(master: Event, start: DateTime, end: DateTime): Event {
    const id = `${master.id}_${start.toUTC().toFormat('yyyyMMddHHmmss')}`;
    return {
      ...master,
      id,
      iCalUId: iCalUIdOf(id),
      type: 'occurrence',
      seriesMasterId: master.id ?? null,
      recurrence: null,
      start: toDateTimeTimeZone(start, 'UTC'),
      end: toDateTimeTimeZone(end, 'UTC'),
    };
  }

  private occurrenceEvent(series: DemoSeries, mailboxId: string, start: DateTime, end: DateTime): Event {
    const idOf = (text: string) => `AAMkAG${createHash('sha256').update(text).digest('base64url')}`;
    const person = (id: string) => this.org.byId.get(id)?.user;
    const organizer = person(series.organizerId);
    const room = series.roomId ? this.org.rooms.find((r) => r.id === series.roomId) : undefined;
    const id = idOf(`${series.id}:${start.toISO()}`);
    const organizes = series.organizerId === mailboxId;
    return {
      id,
      seriesMasterId: idOf(series.id),
      type: 'occurrence',
      originalStartTimeZone: 'UTC',
      originalEndTimeZone: 'UTC',
      iCalUId: iCalUIdOf(id),
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      responseStatus: { response: organizes ? 'organizer' : 'accepted', time: organizes ? '0001-01-01T00:00:00Z' : start.minus({ days: 7 }).toISO()! },
      subject: series.subject,
      sensitivity: series.isPrivate ? 'private' : 'normal',
      showAs: series.showAs,
      isAllDay: false,
      isCancelled: false,
      isOrganizer: organizes,
      transactionId: null,
      start: toDateTimeTimeZone(start, 'UTC'),
      end: toDateTimeTimeZone(end, 'UTC'),
      organizer: { emailAddress: { name: organizer?.displayName ?? '', address: organizer?.mail ?? '' } },
      attendees: [
        ...series.attendeeIds.filter((id) => id !== series.organizerId).map((id): Attendee => ({ type: 'required', emailAddress: { name: person(id)?.displayName ?? '', address: person(id)?.mail ?? '' } })),
        ...(room ? [{ type: 'resource' as const, emailAddress: { name: room.displayName, address: room.emailAddress } }] : []),
      ],
      location: room ? { displayName: room.displayName, locationType: 'conferenceRoom', locationEmailAddress: room.emailAddress } : { displayName: '', locationType: 'default' },
    };
  }

  /**
   * Rooms answer the invitations due by now (older than the configured delay), in the order they
   * arrived: accepted when the room is free, declined when a booking it accepted first holds the time.
   */
  private answerDueRoomInvitations(): void {
    const due = this.now() - this.roomResponseDelayMs;
    this.answerRoomInvitations((p) => p.receivedAt <= due);
  }

  private answerRoomInvitations(which: (p: RoomInvitation) => boolean): number {
    const answering = this.pendingRooms.filter(which);
    this.pendingRooms = this.pendingRooms.filter((p) => !answering.includes(p));
    for (const { eventId, room } of answering) {
      const stored = this.events.get(eventId);
      if (!stored) continue;
      const clash = this.busyItems(room, stored.start, stored.end, eventId).length > 0;
      this.setRoomResponse(stored, room, clash ? 'declined' : 'accepted');
    }
    return answering.length;
  }

  private setRoomResponse(stored: StoredEvent, room: string, response: 'accepted' | 'declined'): void {
    if (response === 'accepted') stored.busyFor.add(room);
    else stored.busyFor.delete(room);
    stored.event.attendees = (stored.event.attendees ?? []).map((a) =>
      a.type === 'resource' && a.emailAddress?.address?.toLowerCase() === room ? { ...a, status: { response, time: new Date(this.now()).toISOString() } } : a,
    );
  }

  /**
   * The rooms answer their waiting invitations now, whatever the delay (all of them, or only the
   * one for `eventId`, so a test can have a later booking answered first). Answers how many.
   */
  processRoomInvitations(filter: { eventId?: string } = {}): number {
    return this.answerRoomInvitations((p) => filter.eventId === undefined || p.eventId === filter.eventId);
  }

  /**
   * A room withdraws its acceptance of an event, as when facilities take the room back: the
   * organizer's copy shows the room as declined and the room's time is free again. False when the
   * room had not accepted that event.
   */
  declineAsRoom(roomAddress: string, eventId: string): boolean {
    const room = roomAddress.toLowerCase();
    const stored = this.events.get(eventId);
    if (!stored || !this.roomsByAddress.has(room) || !stored.busyFor.has(room)) return false;
    this.setRoomResponse(stored, room, 'declined');
    return true;
  }

  /** Cancellations sent (from one mailbox, or from all), oldest first: for tests that check who was told. */
  cancellations(mailboxId?: string): readonly SentCancellation[] {
    return this.sentCancellations.filter((c) => mailboxId === undefined || c.mailboxId === mailboxId);
  }

  /** Meeting updates sent (from one mailbox, or from all), oldest first: for tests that check who was told what. */
  meetingUpdates(mailboxId?: string): readonly SentMeetingUpdate[] {
    return this.sentUpdates.filter((u) => mailboxId === undefined || u.mailboxId === mailboxId);
  }

  /** All stored (created, not deleted) events, for tests that count bookings. */
  eventCount(mailboxId?: string): number {
    return [...this.events.values()].filter((e) => mailboxId === undefined || e.mailboxId === mailboxId).length;
  }
}
