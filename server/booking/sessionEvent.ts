import { createHash } from 'node:crypto';
import type { Attendee, Event } from '@microsoft/microsoft-graph-types';
import type { Venue } from '../../shared/glossary';
import { toDateTimeTimeZone } from '../../shared/scheduling';
import type { GraphSession } from '../graph/graphGateway';
import { graphFailure } from '../graph/graphFailure';
import { ApiError } from '../http/errors';
import type { BookingContext } from './bookingContext';

/** What every calendar shows: no topic, no programme or group name, nothing that says who mentors whom. */
export const neutralSubject = 'Upward session';

/**
 * The Graph `transactionId` of a booking: the same pair and slot always give the same id, so a
 * client's retry (or a retry after a lost response) finds the first event instead of making a second.
 */
export function transactionIdFor(tenantId: string, pairId: string, start: string, end: string): string {
  const hex = createHash('sha256').update(`upward-session:${tenantId}:${pairId}:${start}:${end}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface EventInput {
  ctx: BookingContext;
  start: string;
  end: string;
  venue: Venue;
  /** The off-site venue's address, shown as the location. */
  address: string | null;
  transactionId: string;
  workspaceUrl: string;
}

/** The event Upward creates: private, neutral, both people required, the room as a resource, Teams when online. */
export function sessionEvent(input: EventInput): Event {
  const { ctx, venue } = input;
  const person = (p: { mail: string; displayName: string }): Attendee => ({ type: 'required', emailAddress: { address: p.mail, name: p.displayName } });
  const attendees: Attendee[] = [person(ctx.mentee), person(ctx.mentor)];
  if (venue.kind === 'room') attendees.push({ type: 'resource', emailAddress: { address: venue.ref!, name: venue.displayName } });
  const link = escapeHtml(input.workspaceUrl);
  return {
    subject: neutralSubject,
    body: { contentType: 'html', content: `<p>Agenda, notes and take-aways are in your private Upward workspace: <a href="${link}">${link}</a></p>` },
    start: toDateTimeTimeZone(Date.parse(input.start)),
    end: toDateTimeTimeZone(Date.parse(input.end)),
    attendees,
    location:
      venue.kind === 'room'
        ? { displayName: venue.displayName, locationType: 'conferenceRoom', locationEmailAddress: venue.ref }
        : venue.kind === 'offsite'
          ? { displayName: input.address ? `${venue.displayName}, ${input.address}` : venue.displayName, locationType: 'default' }
          : { displayName: 'Microsoft Teams Meeting', locationType: 'default' },
    sensitivity: 'private',
    showAs: 'busy',
    isReminderOn: true,
    transactionId: input.transactionId,
    ...(venue.kind === 'online' ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
  };
}

/** What the people (and the room) read in the cancellation of an event whose booking did not complete. */
export const notBookedComment = 'This Upward session could not be booked.';

/**
 * Cancels an event Upward created, through Graph's `cancel`: the attendees and the room are sent a
 * cancellation (a DELETE would tell nobody) and the event leaves the organizer's calendar.
 */
export async function cancelSessionEvent(graph: GraphSession, organizerId: string, eventId: string, comment: string): Promise<void> {
  await graph.send('POST', `/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}/cancel`, { comment });
}

/** Whether the room turned the invitation down (a clash it saw before we did). */
export function roomDeclined(event: Event, roomMail: string): boolean {
  const room = (event.attendees ?? []).find((a) => a.emailAddress?.address?.toLowerCase() === roomMail.toLowerCase());
  return room?.status?.response === 'declined';
}

/** Graph failures in booking, told in calendar terms where they concern the calendar; the rest as any Graph failure (a 503). */
export async function viaGraph<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 401 || status === 403) {
      throw new ApiError('forbidden', 'Microsoft 365 did not let Upward read or change that calendar. Ask your admin to check Upward\'s calendar permission (see the admin guide).');
    }
    if (status === 404) throw new ApiError('notFound', 'Microsoft 365 does not have that calendar item any more.');
    throw graphFailure(error) ?? new ApiError('upstreamUnavailable');
  }
}
