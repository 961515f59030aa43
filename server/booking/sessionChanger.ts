import { conflictWithNext } from './bookingPresenter';
import type { Caller } from '../auth/caller';
import { ApiError, notFound } from '../http/errors';
import { futureSlot, lastLook, nextFortnight } from './availability';
import type { BookingDeps } from './bookingDeps';
import { suggestFor } from './bookingSuggester';
import { type BookingContext, loadBookingContext } from './loadBooking';
import { recordCancellation, recordMove } from './recordSession';
import { type SessionRow, transactionIdFor } from './reserve';
import { sessionVenueOf } from '../sessions/sessionVenue';
import { forTenant } from '../store/tenantScope';

interface ChangeProps {
  actor: Caller;
  pairId: string;
  sessionId: string;
  now: Date;
}

/** A changed session, with the pair it belongs to (for presenting it to the caller). */
interface Changed {
  session: SessionRow;
  ctx: BookingContext;
}

interface Planned {
  ctx: BookingContext;
  session: SessionRow;
  organizerId: string;
  eventId: string;
}

/** Load and authorise, for a change: the pair's planned session, booked through Upward, in a calendar the caller's identity reaches. */
async function plannedSession(deps: BookingDeps, actor: Caller, pairId: string, sessionId: string): Promise<Planned> {
  const ctx = await loadBookingContext(deps, actor, pairId);
  const session = await forTenant(deps.db, actor.tenantId)
    .selectFrom('sessions')
    .selectAll()
    .where('pair_id', '=', ctx.pair.id)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) throw notFound();
  if (session.status !== 'planned') throw new ApiError('invalidTransition', { key: 'invalidTransition.sessionNotPlanned' });
  if (!session.event_id || !session.organizer_user_id) throw new ApiError('invalidTransition', { key: 'invalidTransition.sessionNotOurs' });
  if (!deps.identity.reaches(actor, session.organizer_user_id)) {
    throw new ApiError('notYourRole', { key: 'notYourRole.partnersMeeting' });
  }
  return { ctx, session, organizerId: session.organizer_user_id, eventId: session.event_id };
}

/** Moves a session: the last look at free/busy at the new time, the event moved, then the row; if the row cannot be saved, the event goes back. */
export async function sessionRescheduler(deps: BookingDeps, props: ChangeProps & { start: string; end: string }): Promise<Changed> {
  const { actor, now } = props;
  const { ctx, session, organizerId, eventId } = await plannedSession(deps, actor, props.pairId, props.sessionId);
  const slot = futureSlot(props, now);
  const calendar = deps.identity.calendarFor(actor);

  const venue = sessionVenueOf(session.venue, session.id);
  const roomMail = venue.kind === 'room' && venue.ref ? venue.ref : null;
  // The session's own event still holds its old time; that part of everyone's busy time is ours to move.
  const own = { start: session.starts_at.toISOString(), end: session.ends_at.toISOString() };
  const taken = await lastLook(calendar, { organizerId, people: [ctx.mentee.mail, ctx.mentor.mail], roomMail, slot, own });
  if (taken) {
    const mode = venue.kind === 'online' || venue.kind === 'offsite' ? venue.kind : 'room';
    throw conflictWithNext(taken, slot.start, await suggestFor(deps, { actor, ctx, calendar, mode, ...nextFortnight(now), excludeSessionId: session.id }));
  }

  await calendar.moveEvent(organizerId, eventId, slot);
  try {
    const moved = await recordMove(deps.db, { tenantId: actor.tenantId, sessionId: session.id, slot, transactionId: transactionIdFor(actor.tenantId, ctx.pair.id, slot.start, slot.end), now });
    return { session: moved, ctx };
  } catch (error) {
    await calendar.moveEvent(organizerId, eventId, own).catch((undo: unknown) => deps.logger.error({ err: undo, sessionId: session.id }, 'could not move the event back after a failed reschedule'));
    throw error;
  }
}

/** Cancels a session: the attendees (and the room) are sent a cancellation, then the session is marked cancelled. */
export async function sessionCanceller(deps: BookingDeps, props: ChangeProps): Promise<Changed> {
  const { actor, now } = props;
  const { ctx, session, organizerId, eventId } = await plannedSession(deps, actor, props.pairId, props.sessionId);
  try {
    await deps.identity.calendarFor(actor).cancelEvent(organizerId, eventId, 'This Upward session is cancelled.');
  } catch (error) {
    // Already gone from the calendar (deleted by hand): the session is cancelled all the same.
    if (!(error instanceof ApiError && error.code === 'notFound')) throw error;
  }
  return { session: await recordCancellation(deps.db, { tenantId: actor.tenantId, sessionId: session.id, now }), ctx };
}
