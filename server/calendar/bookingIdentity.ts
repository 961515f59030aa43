import type { Caller } from '../auth/caller';
import type { Config } from '../config';
import type { GraphGateway } from '../graph/graphGateway';
import type { Calendar } from './calendar';
import { graphCalendar } from './graphCalendar';

/** Whose Graph identity books sessions, and what follows from it (decision 0016). Chosen once, by configuration. */
export interface BookingIdentity {
  /** The calendars a caller's booking reads and writes. */
  calendarFor(caller: Caller): Calendar;
  /** Whose calendar holds an event the caller books, given whose they asked for. */
  organizerFor(caller: Caller, asked: string): string;
  /** Whether the caller can move or cancel an event in that person's calendar. */
  reaches(caller: Caller, organizerId: string): boolean;
  /**
   * The calendars of a tenant's organizers, reached without them (the sweep of bookings nobody
   * finished, the room check), or null when this identity reaches a calendar only with its owner present.
   */
  unattended: ((tenantId: string) => Calendar) | null;
}

/** The app's own identity reaches every participant's calendar: any member books in the calendar asked for, and moves it. */
function appIdentity(graph: GraphGateway): BookingIdentity {
  return {
    calendarFor: (caller) => graphCalendar(graph.forApp(caller.tenantId), 'app'),
    organizerFor: (_caller, asked) => asked,
    reaches: () => true,
    unattended: (tenantId) => graphCalendar(graph.forApp(tenantId), 'app'),
  };
}

/** The caller's own identity reaches only their own calendar: they organize what they book, and only they change it. */
function delegatedIdentity(graph: GraphGateway): BookingIdentity {
  return {
    calendarFor: (caller) => graphCalendar(graph.forUser(caller), 'delegated'),
    organizerFor: (caller) => caller.userId,
    reaches: (caller, organizerId) => caller.userId === organizerId,
    unattended: null,
  };
}

export function bookingIdentity(kind: Config['bookingIdentity'], graph: GraphGateway): BookingIdentity {
  return kind === 'app' ? appIdentity(graph) : delegatedIdentity(graph);
}
