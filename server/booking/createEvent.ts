import type { Venue } from '../../shared/glossary';
import type { Calendar, CalendarEvent, NewEvent } from '../calendar/calendar';
import type { Logger } from '../logger';
import type { Slot } from './availability';
import { eventSubject, eventText } from './eventLanguage';
import type { BookingContext } from './loadBooking';

/** What the people (and the room) read in the cancellation of an event whose booking did not complete, in the event's language. */
export const notBookedComment = (locale: string | null): string => eventText(locale).t('event.notBooked');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface EventProps {
  ctx: BookingContext;
  organizerId: string;
  venue: Venue;
  slot: Slot;
  transactionId: string;
  /** Where the invitation points the people: their private workspace. */
  workspaceUrl: string;
  /**
   * The two people's languages (BCP 47 tags, null when unknown), the partner who receives the
   * invitation first: the subject is in theirs, the body in each distinct one.
   */
  languages: readonly [partner: string | null, booker: string | null];
}

/** The invitation's words: the subject in the partner's language, the body's sentence in each of the two languages, the partner's first. */
function invitationText(languages: EventProps['languages'], workspaceUrl: string): { subject: string; body: string } {
  const link = escapeHtml(workspaceUrl);
  const texts = languages.map(eventText);
  const distinct = texts.filter((text, i) => texts.findIndex((other) => other.language === text.language) === i);
  const paragraphs = distinct.map((text) => `<p lang="${escapeHtml(text.locale)}">${escapeHtml(text.t('event.workspace'))} <a href="${link}">${link}</a></p>`);
  return { subject: eventSubject(languages[0]), body: paragraphs.join('') };
}

/** The event Upward creates: private, neutral, both people required, the room as a resource, Teams when online. */
function sessionEvent({ ctx, venue, slot, transactionId, workspaceUrl, languages }: EventProps): NewEvent {
  const address = venue.kind === 'offsite' ? (ctx.venuePolicy.offsiteVenues.find((o) => o.id === venue.ref)?.address ?? null) : null;
  return {
    ...invitationText(languages, workspaceUrl),
    start: slot.start,
    end: slot.end,
    people: [ctx.mentee, ctx.mentor].map((p) => ({ mail: p.mail, name: p.displayName })),
    room: venue.kind === 'room' ? { mail: venue.ref!, name: venue.displayName } : null,
    location: venue.kind === 'offsite' ? (address ? `${venue.displayName}, ${address}` : venue.displayName) : null,
    online: venue.kind === 'online',
    private: true,
    transactionId,
  };
}

export interface CreatedEvent {
  event: CalendarEvent;
  /** The locale its subject is worded in (the partner's; null, English), kept with the session so the API says the same subject. */
  subjectLocale: string | null;
  /** Cancels the event again, for a booking that cannot complete; a failure is logged, never thrown. */
  withdraw(): Promise<void>;
}

/**
 * Creates the session's event in the organizer's calendar (a retry gets the same event back through
 * its transactionId). The room is not known to have accepted yet: Exchange's resource mailboxes
 * answer after the create, so a later decline is found by the room check (`server/jobs/booking/roomCheck.ts`).
 */
export async function createSessionEvent(deps: { calendar: Pick<Calendar, 'createEvent' | 'cancelEvent'>; logger: Pick<Logger, 'error'> }, props: EventProps): Promise<CreatedEvent> {
  const { organizerId, ctx } = props;
  const event = await deps.calendar.createEvent(organizerId, sessionEvent(props));
  const withdraw = async () => {
    try {
      await deps.calendar.cancelEvent(organizerId, event.id, notBookedComment(props.languages[0]));
    } catch (error) {
      // Logged with the ids an operator needs to remove the event by hand; the caller still gets the first failure.
      deps.logger.error({ err: error, organizerId, eventId: event.id, pairId: ctx.pair.id }, 'could not cancel the event of a failed booking');
    }
  };
  return { event, subjectLocale: props.languages[0], withdraw };
}
