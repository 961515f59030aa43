import type { AppDeps } from '../appDeps';
import type { Caller } from '../auth/caller';
import { ApiError, notFound } from '../http/errors';
import type { BookingContext } from './bookingContext';
import { loadBookingContext } from './bookingContext';
import { recheckFreeBusy } from './freeBusy';
import type { RoomCatalogue } from './roomCatalogue';
import { conflictWithNext, type SessionRow } from './sessionBooker';
import { transactionIdFor, viaGraph } from './sessionEvent';
import { sessionVenueOf } from '../sessions/sessionVenue';

interface ChangeProps {
  deps: AppDeps;
  actor: Caller;
  pairId: string;
  sessionId: string;
  now: Date;
}

async function plannedSession(deps: AppDeps, actor: Caller, pairId: string, sessionId: string): Promise<{ ctx: BookingContext; session: SessionRow; events: string }> {
  const ctx = await loadBookingContext(deps, actor, pairId);
  const session = await deps.db
    .selectFrom('sessions')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('pair_id', '=', ctx.pair.id)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) throw notFound();
  if (session.status !== 'planned') throw new ApiError('invalidTransition', 'Only a planned session can be moved or cancelled.');
  if (!session.event_id || !session.organizer_user_id) throw new ApiError('invalidTransition', 'This session was not booked through Upward, so change it in your calendar.');
  if (deps.config.bookingIdentity === 'delegated' && session.organizer_user_id !== actor.userId) {
    throw new ApiError('notYourRole', 'The meeting is in your partner’s calendar: ask them to move or cancel it.');
  }
  return { ctx, session, events: `/users/${encodeURIComponent(session.organizer_user_id)}/events/${encodeURIComponent(session.event_id)}` };
}

/** Moves a session: the last look at free/busy at the new time, the event updated, then the row; if the row cannot be saved, the event goes back. */
export async function sessionRescheduler(props: ChangeProps & { rooms: RoomCatalogue; start: string; end: string }): Promise<SessionRow> {
  const { deps, actor, now } = props;
  const { ctx, session, events } = await plannedSession(deps, actor, props.pairId, props.sessionId);
  const start = new Date(props.start).toISOString();
  const end = new Date(props.end).toISOString();
  if (Date.parse(start) <= now.getTime()) throw new ApiError('invalidRequest', 'The session must start in the future.', [{ field: 'start', message: 'must be in the future' }]);

  const venue = sessionVenueOf(session.venue, session.id);
  const roomMail = venue.kind === 'room' && venue.ref ? venue.ref : null;
  const busy = await viaGraph(() =>
    recheckFreeBusy(ctx.graph, { calendarUserId: session.organizer_user_id!, schedules: [ctx.mentee.mail, ctx.mentor.mail, ...(roomMail ? [roomMail] : [])], from: start, to: end }),
  );
  // The session's own event still holds its old time; that part of everyone's busy time is ours to move.
  const ownStart = session.starts_at.getTime();
  const ownEnd = session.ends_at.getTime();
  const clash = (mail: string) => {
    const intervals = busy.get(mail.toLowerCase());
    if (!intervals) return true;
    return intervals.some((b) => {
      const [s, e] = [Date.parse(b.start), Date.parse(b.end)];
      const overlapsNew = s < Date.parse(end) && e > Date.parse(start);
      return overlapsNew && !(s >= ownStart && e <= ownEnd);
    });
  };
  const taken = roomMail && clash(roomMail) ? 'roomTaken' : [ctx.mentee, ctx.mentor].some((p) => clash(p.mail)) ? 'slotTaken' : null;
  if (taken) {
    throw await conflictWithNext({ deps, rooms: props.rooms, actor, ctx, code: taken, start, mode: venue.kind === 'online' || venue.kind === 'offsite' ? venue.kind : 'room', now, excludeSessionId: session.id });
  }

  const toGraph = (iso: string) => ({ dateTime: iso.replace(/\.\d{3}Z$/, ''), timeZone: 'UTC' });
  await viaGraph(() => ctx.graph.send('PATCH', events, { start: toGraph(start), end: toGraph(end) }));
  try {
    return await deps.db
      .updateTable('sessions')
      .set({ starts_at: start, ends_at: end, transaction_id: transactionIdFor(actor.tenantId, ctx.pair.id, start, end), updated_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    await viaGraph(() => ctx.graph.send('PATCH', events, { start: toGraph(session.starts_at.toISOString()), end: toGraph(session.ends_at.toISOString()) })).catch((undo: unknown) =>
      deps.logger.error({ err: undo, sessionId: session.id }, 'could not move the event back after a failed reschedule'),
    );
    throw error;
  }
}

/** Cancels a session: Graph sends the attendees (and the room) a cancellation, then the session is marked cancelled. */
export async function sessionCanceller(props: ChangeProps): Promise<SessionRow> {
  const { deps, actor, now } = props;
  const { ctx, session, events } = await plannedSession(deps, actor, props.pairId, props.sessionId);
  try {
    await viaGraph(() => ctx.graph.send('POST', `${events}/cancel`, { comment: 'This Upward session is cancelled.' }));
  } catch (error) {
    // Already gone from the calendar (deleted by hand): the session is cancelled all the same.
    if (!(error instanceof ApiError && error.code === 'notFound')) throw error;
  }
  return deps.db
    .updateTable('sessions')
    // The slot's transaction id is freed, so the same time can be booked again later.
    .set({ status: 'cancelled', transaction_id: null, updated_at: now })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', session.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
