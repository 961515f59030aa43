import type { Venue } from '../../shared/glossary';
import type { Caller } from '../auth/caller';
import { conflictWithNext, futureSlot, nextFortnight } from './availability';
import type { BookingDeps } from './bookingDeps';
import { suggestFor } from './bookingSuggester';
import { createSessionEvent } from './createEvent';
import { loadBookingContext } from './loadBooking';
import { chosenVenue, planPairVenues } from './planVenues';
import { type Booked, recordSession } from './recordSession';
import { reserve } from './reserve';

export interface BookProps {
  actor: Caller;
  pairId: string;
  input: { start: string; end: string; venue: Pick<Venue, 'kind' | 'ref'>; organizer: 'mentee' | 'me' };
  now: Date;
}

/**
 * Books a session, one step after the other: load and authorise, plan venues (the one asked for
 * must be offered), reserve (the last look at free/busy), create the event, record the session.
 * The same request twice gives one event and one session; a room or person taken meanwhile gives
 * a 409 with the next suggestion; nothing is left half-booked.
 */
export async function sessionBooker(deps: BookingDeps, props: BookProps): Promise<Booked> {
  const { actor, input, now } = props;
  const tenantId = actor.tenantId;
  const ctx = await loadBookingContext(deps, actor, props.pairId);
  const slot = futureSlot(input, now);
  const calendar = deps.identity.calendarFor(actor);

  const plan = await planPairVenues(ctx, () => deps.rooms.rooms(tenantId, calendar), 'any');
  const venue = chosenVenue(plan, input.venue);
  const conflict = async (code: 'roomTaken' | 'slotTaken') => conflictWithNext(code, slot.start, await suggestFor(deps, { actor, ctx, calendar, mode: venue.kind, ...nextFortnight(now) }));

  const organizerId = deps.identity.organizerFor(actor, input.organizer === 'me' ? actor.userId : ctx.pair.mentee_user_id);
  const roomMail = venue.kind === 'room' ? venue.ref! : null;
  const reservation = await reserve({ db: deps.db, calendar }, { tenantId, ctx, organizerId, roomMail, slot, now });
  if (reservation.kind === 'booked') return { session: reservation.session, created: false };
  if (reservation.kind === 'taken') throw await conflict(reservation.code);
  const { transactionId } = reservation;

  const created = await createSessionEvent({ calendar, logger: deps.logger }, { ctx, organizerId, venue, slot, transactionId, workspaceUrl: deps.workspaceUrl });
  return recordSession(deps.db, { tenantId, pairId: ctx.pair.id, organizerId, venue, slot, transactionId, created, now });
}
