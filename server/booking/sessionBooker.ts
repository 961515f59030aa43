import type { Venue } from '../../shared/glossary';
import type { Caller } from '../auth/caller';
import { ApiError } from '../http/errors';
import { sessionVenueOf } from '../sessions/sessionVenue';
import { futureSlot, nextFortnight } from './availability';
import type { BookingDeps } from './bookingDeps';
import { suggestFor } from './bookingSuggester';
import { createSessionEvent } from './createEvent';
import { conflictWithNext, presentBookedSession, type SessionViewer } from './bookingPresenter';
import { type BookingContext, loadBookingContext } from './loadBooking';
import { chosenVenue, planPairVenues } from './planVenues';
import { recordSession } from './recordSession';
import { plannedSessionDuring, reserve, type SessionRow } from './reserve';

export interface BookProps {
  actor: Caller;
  pairId: string;
  input: { start: string; end: string; venue: Pick<Venue, 'kind' | 'ref'>; organizer: 'mentee' | 'me' };
  now: Date;
}

/** The 409 for a time the pair already has a session at: it names that session, and carries it ("session") to move or cancel. */
function sessionExists(row: SessionRow, viewer: SessionViewer): ApiError {
  const place = sessionVenueOf(row.venue, row.id).displayName;
  const values = { start: row.starts_at, placed: place ? 'yes' : 'no', place: place ?? '' };
  return new ApiError('sessionExists', { key: 'sessionExists.named', values }, [], { session: presentBookedSession(row, viewer) });
}

/**
 * Books a session, one step after the other: load and authorise, refuse a time the pair already
 * has a session at, plan venues (the one asked for must be offered), reserve (the last look at
 * free/busy, unless the suggestion is fresh), create the event, record the session. The same time twice, one after the other or
 * at once, gives one event, one session and a 409 naming it; a room or person taken meanwhile
 * gives a 409 with the next suggestion; nothing is left half-booked.
 */
export async function sessionBooker(deps: BookingDeps, props: BookProps): Promise<{ session: SessionRow; ctx: BookingContext }> {
  const { actor, input, now } = props;
  const tenantId = actor.tenantId;
  const ctx = await loadBookingContext(deps, actor, props.pairId);
  const viewer = { actor, ctx, identity: deps.identity };
  const slot = futureSlot(input, now);
  const existing = await plannedSessionDuring(deps.db, { tenantId, pairId: ctx.pair.id, slot });
  if (existing) throw sessionExists(existing, viewer);
  const calendar = deps.identity.calendarFor(actor);

  const plan = await planPairVenues(ctx, () => deps.rooms.rooms(tenantId, calendar), 'any');
  const venue = chosenVenue(plan, input.venue);
  const conflict = async (code: 'roomTaken' | 'slotTaken') => conflictWithNext(code, slot.start, await suggestFor(deps, { actor, ctx, calendar, mode: venue.kind, ...nextFortnight(now) }));

  const organizerId = deps.identity.organizerFor(actor, input.organizer === 'me' ? actor.userId : ctx.pair.mentee_user_id);
  const roomMail = venue.kind === 'room' ? venue.ref! : null;
  // A suggestion shown a moment ago (decision 0075): its free/busy and both mailbox languages were read then.
  const fresh = deps.offers.take(tenantId, ctx.pair.id, { slot, venue });
  const partner = actor.userId === ctx.mentee.userId ? ctx.mentor : ctx.mentee;
  const locales = fresh?.mailboxLocales;
  // Languages not read with the suggestions are read beside the last look, in the same round trip.
  const [languages, reservation] = await Promise.all([
    Promise.all([deps.languageOf(tenantId, partner.userId, locales?.get(partner.userId)), deps.languageOf(tenantId, actor.userId, locales?.get(actor.userId))] as const),
    reserve({ db: deps.db, calendar }, { tenantId, ctx, organizerId, roomMail, slot, now, fresh: fresh !== null }),
  ]);
  // Booked by a concurrent request for the same time a moment ago.
  if (reservation.kind === 'booked') throw sessionExists(reservation.session, viewer);
  if (reservation.kind === 'taken') throw await conflict(reservation.code);
  const { transactionId } = reservation;

  const created = await createSessionEvent({ calendar, logger: deps.logger }, { ctx, organizerId, venue, slot, transactionId, workspaceUrl: deps.workspaceUrl, languages });
  const recorded = await recordSession(deps.db, { tenantId, pairId: ctx.pair.id, organizerId, venue, slot, transactionId, created, now });
  if (!recorded.created) throw sessionExists(recorded.session, viewer);
  return { session: recorded.session, ctx };
}
