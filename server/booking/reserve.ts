import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Calendar } from '../calendar/calendar';
import type { Db } from '../store/database';
import type { SessionTable } from '../store/schema';
import { lastLook, type Slot } from './availability';
import { beginBooking, endBooking } from './bookingIntents';
import type { BookingContext } from './loadBooking';
import { forTenant } from '../store/tenantScope';

export type SessionRow = Selectable<SessionTable>;

/**
 * The calendar `transactionId` of a booking: the same pair and slot always give the same id, so a
 * client's retry (or a retry after a lost response) finds the first event instead of making a second.
 */
export function transactionIdFor(tenantId: string, pairId: string, start: string, end: string): string {
  const hex = createHash('sha256').update(`upward-session:${tenantId}:${pairId}:${start}:${end}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export async function sessionByTransaction(db: Db, tenantId: string, transactionId: string): Promise<SessionRow | undefined> {
  return forTenant(db, tenantId).selectFrom('sessions').selectAll().where('transaction_id', '=', transactionId).executeTakeFirst();
}

/** The pair's planned session that overlaps the slot, if there is one: a second session at the same time is always a mistake. */
export async function plannedSessionDuring(db: Db, props: { tenantId: string; pairId: string; slot: Slot }): Promise<SessionRow | undefined> {
  return forTenant(db, props.tenantId)
    .selectFrom('sessions')
    .selectAll()
    .where('pair_id', '=', props.pairId)
    .where('status', '=', 'planned')
    .where('starts_at', '<', new Date(props.slot.end))
    .where('ends_at', '>', new Date(props.slot.start))
    .orderBy('starts_at')
    .executeTakeFirst();
}

/** Booked already (by an earlier or a concurrent request), taken by someone else, or held for this request to create its event. */
export type Reservation = { kind: 'booked'; session: SessionRow } | { kind: 'taken'; code: 'roomTaken' | 'slotTaken' } | { kind: 'held'; transactionId: string };

/**
 * Holds the slot for this booking: a booking intent, keyed by the transactionId, written before
 * the event is created, after the last look at free/busy says the people and the room are free
 * (or, for a fresh suggestion, without looking again).
 */
export async function reserve(
  deps: { db: Db; calendar: Pick<Calendar, 'busyNow'> },
  props: { tenantId: string; ctx: BookingContext; organizerId: string; roomMail: string | null; slot: Slot; now: Date; fresh: boolean },
): Promise<Reservation> {
  const { db } = deps;
  const { tenantId, ctx, organizerId, slot } = props;
  const transactionId = transactionIdFor(tenantId, ctx.pair.id, slot.start, slot.end);
  const earlier = await sessionByTransaction(db, tenantId, transactionId);
  if (earlier) return { kind: 'booked', session: earlier };

  // A retry after the service died mid-booking skips the last look: the event the first attempt
  // may have created would look like somebody else's, and the transactionId gives it back. A fresh
  // suggestion skips it too: its free/busy was read a moment ago (decision 0075).
  const resumed = await beginBooking(db, { tenantId, transactionId, pairId: ctx.pair.id, organizerUserId: organizerId, start: slot.start, end: slot.end }, props.now);
  const taken = resumed || props.fresh ? null : await lastLook(deps.calendar, { organizerId, people: [ctx.mentee.mail, ctx.mentor.mail], roomMail: props.roomMail, slot, own: null });
  if (!taken) return { kind: 'held', transactionId };
  await endBooking(db, tenantId, transactionId);
  // A concurrent twin of this request may have booked it a moment ago: that is success, not a conflict.
  const twin = await sessionByTransaction(db, tenantId, transactionId);
  return twin ? { kind: 'booked', session: twin } : { kind: 'taken', code: taken };
}
