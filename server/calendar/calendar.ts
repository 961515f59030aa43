import type { BusyInterval, WorkingHours } from '../../shared/scheduling';
import type { PlaceRoom } from '../../shared/venues';

/** Busy time by schedule address (lower case); null when the calendar could not be read. */
export type BusyBySchedule = Map<string, BusyInterval[] | null>;

export interface FreeBusy {
  busy: BusyBySchedule;
  /** Working hours by schedule address (lower case), as the calendar returns them with free/busy (people only). */
  workingHours: Map<string, WorkingHours>;
  /** The mailbox language of each person asked about (`mailboxLanguagesOf`) by user id, null when none is set; absent when it could not be read. */
  mailboxLocales: Map<string, string | null>;
}

export interface FreeBusyQuery {
  /** Whose calendar asks: the organizer of the event the answer is for. */
  organizerId: string;
  /** Mail addresses of the people and rooms. */
  schedules: readonly string[];
  from: string;
  to: string;
  /** People (user ids) whose mailbox language to read in the same round trip, where this identity may (the invitation's wording, decision 0075). */
  mailboxLanguagesOf?: readonly string[];
}

export interface EventAttendee {
  mail: string;
  name: string;
}

/** An event as Upward books it; the implementation says it in its provider's words. */
export interface NewEvent {
  subject: string;
  /** HTML. */
  body: string;
  start: string;
  end: string;
  /** Everyone who must come. */
  people: EventAttendee[];
  /** The room, invited as a resource and shown as the location. */
  room: EventAttendee | null;
  /** Where it is when there is no room (an off-site place). */
  location: string | null;
  /** A Teams meeting, with its join link. */
  online: boolean;
  /** Hidden from anyone who can see the calendars but was not invited. */
  private: boolean;
  /** The same id gives back the same event: a retry never makes a second one. */
  transactionId: string;
}

export type AttendeeResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface CalendarEvent {
  id: string;
  transactionId: string | null;
  joinUrl: string | null;
  /** Each attendee's answer by mail address (lower case). */
  responses: Map<string, AttendeeResponse>;
}

/** A meeting a person organises in their own calendar, as offered for shadowing. */
export interface OrganisedMeeting {
  id: string;
  subject: string;
  start: string;
  end: string;
  /** How many people are invited besides the organizer (rooms not counted). */
  attendees: number;
}

/**
 * The calendars Upward books in, as one identity reaches them. Failures come out as the API's
 * problems (a vanished event is `notFound`); `organizerId` names the calendar that holds an event.
 */
export interface Calendar {
  /** Free/busy and working hours over a window, in as few round trips as the provider allows (suggestions). */
  freeBusy(query: FreeBusyQuery): Promise<FreeBusy>;
  /** Busy time of a few schedules in one direct call: the last look before booking or moving. */
  busyNow(query: FreeBusyQuery): Promise<BusyBySchedule>;
  /** The rooms one can book. */
  rooms(): Promise<PlaceRoom[]>;
  /** Creates the event, or gives back the one created earlier with the same transactionId. */
  createEvent(organizerId: string, event: NewEvent): Promise<CalendarEvent>;
  moveEvent(organizerId: string, eventId: string, slot: { start: string; end: string }): Promise<void>;
  /** Invites another room in place of the event's room (and shows it as the location); the new room answers later. */
  changeRoom(organizerId: string, eventId: string, room: EventAttendee): Promise<void>;
  /** Cancels the event: its attendees (and room) are told, with the comment. */
  cancelEvent(organizerId: string, eventId: string, comment: string): Promise<void>;
  readEvent(organizerId: string, eventId: string): Promise<CalendarEvent>;
  /** The events of one calendar that overlap a window. */
  eventsBetween(organizerId: string, from: string, to: string): Promise<CalendarEvent[]>;
  /** The meetings with other people that the calendar's owner organises, starting in a window, earliest first. */
  meetingsOrganised(organizerId: string, from: string, to: string): Promise<OrganisedMeeting[]>;
  /**
   * Invites one more person as an optional attendee, keeping everyone already invited; a note,
   * when given, heads the meeting's description so that the attendees see why they were updated.
   * `notFound` when the event is gone or is not one its owner organises.
   */
  addOptionalAttendee(organizerId: string, eventId: string, person: EventAttendee, note: string | null): Promise<void>;
}
