import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { SlotSuggestion } from '../../shared/scheduling';
import type { AppDeps } from '../appDeps';
import type { Caller } from '../auth/caller';
import { ApiError } from '../http/errors';
import { json } from '../store/json';
import type { SessionTable } from '../store/schema';
import { type BookingContext, loadBookingContext, type MeetingMode, planPairVenues } from './bookingContext';
import { beginBooking, endBooking } from './bookingIntents';
import { suggestFor } from './bookingSuggester';
import { recheckFreeBusy } from './freeBusy';
import type { RoomCatalogue } from './roomCatalogue';
import { cancelSessionEvent, notBookedComment, roomDeclined, sessionEvent, transactionIdFor, viaGraph } from './sessionEvent';

export type SessionRow = Selectable<SessionTable>;

export interface BookProps {
  deps: AppDeps;
  rooms: RoomCatalogue;
  actor: Caller;
  pairId: string;
  input: { start: string; end: string; venue: { kind: 'room' | 'offsite' | 'online'; ref: string | null }; organizer: 'mentee' | 'me' };
  now: Date;
}

export interface Booked {
  session: SessionRow;
  /** False when this request repeated one that had already booked the session. */
  created: boolean;
}

const iso = (value: string) => new Date(value).toISOString();

function overlaps(busy: readonly { start: string; end: string }[] | null | undefined, start: string, end: string): boolean {
  // An unreadable calendar counts as busy: never book what cannot be shown to be free.
  if (!busy) return true;
  return busy.some((b) => Date.parse(b.start) < Date.parse(end) && Date.parse(b.end) > Date.parse(start));
}

async function sessionByTransaction(deps: AppDeps, tenantId: string, transactionId: string): Promise<SessionRow | undefined> {
  return deps.db.selectFrom('sessions').selectAll().where('tenant_id', '=', tenantId).where('transaction_id', '=', transactionId).executeTakeFirst();
}

/** The 409 for a slot or room taken meanwhile, carrying the next suggestion (fresh free/busy) so the person can book it at once. */
export async function conflictWithNext(props: { deps: AppDeps; rooms: RoomCatalogue; actor: Caller; ctx: BookingContext; code: 'roomTaken' | 'slotTaken'; start: string; mode: MeetingMode; now: Date; excludeSessionId?: string }): Promise<ApiError> {
  const from = props.now.toISOString();
  const to = new Date(props.now.getTime() + 14 * 86_400_000).toISOString();
  const fresh = await suggestFor({ deps: props.deps, rooms: props.rooms, actor: props.actor, pairId: props.ctx.pair.id, from, to, mode: props.mode, excludeSessionId: props.excludeSessionId }, props.ctx);
  const next: SlotSuggestion | null = fresh.suggestions.find((s) => s.start !== props.start) ?? fresh.suggestions[0] ?? null;
  return new ApiError(props.code, undefined, [], { next });
}

/**
 * Books a session: the last look at free/busy, then one event in the organizer's calendar
 * (private, neutral subject, both people required, the room as a resource, Teams when online)
 * and the session row, in this request. The same request twice gives one event and one
 * session; a room or person taken meanwhile gives a 409 with the next suggestion; if the row
 * cannot be stored the event is cancelled again, so nothing is left half-booked.
 */
export async function sessionBooker(props: BookProps): Promise<Booked> {
  const { deps, actor, input, now } = props;
  const tenantId = actor.tenantId;
  const ctx = await loadBookingContext(deps, actor, props.pairId);
  const start = iso(input.start);
  const end = iso(input.end);
  if (Date.parse(start) <= now.getTime()) throw new ApiError('invalidRequest', 'The session must start in the future.', [{ field: 'start', message: 'must be in the future' }]);

  const plan = await planPairVenues(ctx, props.rooms, tenantId, 'any');
  const chosen = plan.suggestions.find((s) => s.venue.kind === input.venue.kind && (s.venue.ref ?? '').toLowerCase() === (input.venue.ref ?? '').toLowerCase());
  if (!chosen) throw new ApiError('venueNotAllowed');
  const venue = chosen.venue;
  const mode: MeetingMode = venue.kind;

  const transactionId = transactionIdFor(tenantId, ctx.pair.id, start, end);
  const earlier = await sessionByTransaction(deps, tenantId, transactionId);
  if (earlier) return { session: earlier, created: false };

  const organizerId = deps.config.bookingIdentity === 'delegated' || input.organizer === 'me' ? actor.userId : ctx.pair.mentee_user_id;
  const roomMail = venue.kind === 'room' ? venue.ref! : null;
  const schedules = [ctx.mentee.mail, ctx.mentor.mail, ...(roomMail ? [roomMail] : [])];
  const lastLook = async () => {
    const busy = await viaGraph(() => recheckFreeBusy(ctx.graph, { calendarUserId: organizerId, schedules, from: start, to: end }));
    if (roomMail && overlaps(busy.get(roomMail.toLowerCase()), start, end)) return 'roomTaken' as const;
    return [ctx.mentee, ctx.mentor].some((p) => overlaps(busy.get(p.mail.toLowerCase()), start, end)) ? ('slotTaken' as const) : null;
  };
  // A retry after the service died mid-booking skips the last look: the event the first attempt
  // may have created would look like somebody else's, and Graph's transactionId gives it back.
  const resumed = await beginBooking(deps.db, { tenantId, transactionId, pairId: ctx.pair.id, organizerUserId: organizerId, start, end }, now);
  const taken = resumed ? null : await lastLook();
  if (taken) {
    await endBooking(deps.db, tenantId, transactionId);
    // A concurrent twin of this request may have booked it a moment ago: that is success, not a conflict.
    const twin = await sessionByTransaction(deps, tenantId, transactionId);
    if (twin) return { session: twin, created: false };
    throw await conflictWithNext({ deps, rooms: props.rooms, actor, ctx, code: taken, start, mode, now });
  }

  const address = venue.kind === 'offsite' ? (ctx.venuePolicy.offsiteVenues.find((o) => o.id === venue.ref)?.address ?? null) : null;
  const body = sessionEvent({ ctx, start, end, venue, address, transactionId, workspaceUrl: `${deps.config.publicBaseUrl}/tab/index.html#/workspace` });
  const events = `/users/${encodeURIComponent(organizerId)}/events`;
  const event = await viaGraph(() => ctx.graph.send<Event>('POST', events, body));
  const cancel = async () => {
    try {
      await cancelSessionEvent(ctx.graph, organizerId, event.id!, notBookedComment);
    } catch (error) {
      // Logged with the ids an operator needs to remove the event by hand; the caller still gets the first failure.
      deps.logger.error({ err: error, organizerId, eventId: event.id, pairId: ctx.pair.id }, 'could not cancel the event of a failed booking');
    }
  };

  if (roomMail && roomDeclined(event, roomMail)) {
    await cancel();
    await endBooking(deps.db, tenantId, transactionId);
    throw await conflictWithNext({ deps, rooms: props.rooms, actor, ctx, code: 'roomTaken', start, mode, now });
  }

  try {
    const session = await deps.db.transaction().execute(async (trx) => {
      await endBooking(trx, tenantId, transactionId);
      return trx
        .insertInto('sessions')
        .values({
          tenant_id: tenantId,
          id: randomUUID(),
          pair_id: ctx.pair.id,
          starts_at: start,
          ends_at: end,
          venue: json({ ...venue }),
          event_id: event.id ?? null,
          join_url: event.onlineMeeting?.joinUrl ?? null,
          transaction_id: transactionId,
          status: 'planned',
          organizer_user_id: organizerId,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return { session, created: true };
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      // The same booking, stored by a concurrent twin: Graph's transactionId gave both the same event.
      const twin = await sessionByTransaction(deps, tenantId, transactionId);
      if (twin && twin.event_id === event.id) return { session: twin, created: false };
    }
    await cancel();
    await endBooking(deps.db, tenantId, transactionId);
    throw error;
  }
}
