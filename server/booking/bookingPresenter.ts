import type { BookedSession, SuggestionList, SuggestionView } from '../../shared/api/booking';
import type { SlotSuggestion } from '../../shared/scheduling';
import type { Caller } from '../auth/caller';
import type { BookingIdentity } from '../calendar/bookingIdentity';
import { ApiError } from '../http/errors';
import { sessionVenueOf } from '../sessions/sessionVenue';
import { presentSession } from '../workspace/workspacePresenter';
import type { Suggestions } from './availability';
import { eventSubject } from './eventLanguage';
import { type BookingContext, partnerIn } from './loadBooking';
import type { SessionRow } from './reserve';

/** A suggestion as the add-in shows and books it: the time, the place and why that place is neutral. */
export function presentSuggestion(s: SlotSuggestion, offsiteAddresses: ReadonlyMap<string, string>): SuggestionView {
  const address = s.venue.kind === 'offsite' && s.venue.ref ? (offsiteAddresses.get(s.venue.ref) ?? null) : null;
  return {
    start: s.start,
    end: s.end,
    venue: { kind: s.venue.kind, ref: s.venue.ref, displayName: s.venue.displayName, address },
    neutralityCode: s.code,
    fallback: s.fallback,
  };
}

/**
 * The 409 for a slot or room taken meanwhile, carrying the next suggestion (from fresh free/busy),
 * presented as the suggestion list presents it, so the person can book it at once.
 */
export function conflictWithNext(code: 'roomTaken' | 'slotTaken', start: string, fresh: Suggestions): ApiError {
  const next = fresh.suggestions.find((s) => s.start !== start) ?? fresh.suggestions[0] ?? null;
  return new ApiError(code, undefined, [], { next: next && presentSuggestion(next, fresh.offsiteAddresses) });
}

export function presentSuggestions(result: Suggestions & { subjectLocale: string | null }, workspaceUrl: string): SuggestionList {
  return {
    subject: eventSubject(result.subjectLocale),
    suggestions: result.suggestions.map((s) => presentSuggestion(s, result.offsiteAddresses)),
    noSlot: result.noSlot,
    roomsChecked: result.roomsChecked,
    roomsRejected: result.roomsRejected,
    partner: result.partner,
    workspaceUrl,
  };
}

/** Who is looking at a session: what they may change, and which of the two is their partner. */
export interface SessionViewer {
  actor: Caller;
  ctx: BookingContext;
  identity: Pick<BookingIdentity, 'reaches'>;
}

/**
 * A booked session, as the workspace shows it, plus what the invitation says: the neutral subject,
 * whose calendar holds it, the off-site address, and whether the viewer can move or cancel it here.
 */
export function presentBookedSession(row: SessionRow, { actor, ctx, identity }: SessionViewer): BookedSession {
  const venue = sessionVenueOf(row.venue, row.id);
  const partner = partnerIn(ctx, actor.userId);
  const address = venue.kind === 'offsite' ? (ctx.venuePolicy.offsiteVenues.find((o) => o.id === venue.ref)?.address ?? null) : null;
  const organizer = row.organizer_user_id;
  const subject = eventSubject(row.event_locale);
  return {
    ...presentSession(row),
    subject,
    address,
    invitation: { subject, organizer: organizer === actor.userId ? 'me' : 'partner', partner: { displayName: partner.displayName }, private: true },
    canChange: row.status === 'planned' && row.event_id !== null && organizer !== null && identity.reaches(actor, organizer),
  };
}
