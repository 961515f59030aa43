import { randomUUID } from 'node:crypto';
import type { Venue } from '../../shared/glossary';
import type { Db } from '../store/database';
import { json } from '../store/json';
import type { Slot } from './availability';
import { endBooking } from './bookingIntents';
import type { CreatedEvent } from './createEvent';
import { sessionByTransaction, type SessionRow } from './reserve';
import { forTenant } from '../store/tenantScope';

export interface Booked {
  session: SessionRow;
  /** False when this request repeated one that had already booked the session. */
  created: boolean;
}

/**
 * Stores the session and settles its booking intent in one transaction. If the row cannot be
 * stored the event is withdrawn, so nothing is left half-booked; a concurrent twin that stored the
 * same event first is this booking, done.
 */
export async function recordSession(
  db: Db,
  props: { tenantId: string; pairId: string; organizerId: string; venue: Venue; slot: Slot; transactionId: string; created: CreatedEvent; now: Date },
): Promise<Booked> {
  const { tenantId, transactionId, created } = props;
  const { event } = created;
  try {
    const session = await db.transaction().execute(async (trx) => {
      await endBooking(trx, tenantId, transactionId);
      return trx
        .insertInto('sessions')
        .values({
          tenant_id: tenantId,
          id: randomUUID(),
          pair_id: props.pairId,
          starts_at: props.slot.start,
          ends_at: props.slot.end,
          venue: json({ ...props.venue }),
          event_id: event.id,
          event_locale: created.subjectLocale,
          join_url: event.joinUrl,
          transaction_id: transactionId,
          status: 'planned',
          organizer_user_id: props.organizerId,
          updated_at: props.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return { session, created: true };
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      // The same booking, stored by a concurrent twin: the transactionId gave both the same event.
      const twin = await sessionByTransaction(db, tenantId, transactionId);
      if (twin && twin.event_id === event.id) return { session: twin, created: false };
    }
    await created.withdraw();
    await endBooking(db, tenantId, transactionId);
    throw error;
  }
}

/** A moved session: its new time, and the transactionId that time would be booked under. */
export async function recordMove(db: Db, props: { tenantId: string; sessionId: string; slot: Slot; transactionId: string; now: Date }): Promise<SessionRow> {
  return forTenant(db, props.tenantId)
    .updateTable('sessions')
    .set({ starts_at: props.slot.start, ends_at: props.slot.end, transaction_id: props.transactionId, updated_at: props.now })
    .where('id', '=', props.sessionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function recordCancellation(db: Db, props: { tenantId: string; sessionId: string; now: Date }): Promise<SessionRow> {
  return forTenant(db, props.tenantId)
    .updateTable('sessions')
    // The slot's transaction id is freed, so the same time can be booked again later.
    .set({ status: 'cancelled', transaction_id: null, updated_at: props.now })
    .where('id', '=', props.sessionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
