import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

/** An attempt older than this is history, not a booking still on its way. */
const resumeWithinMs = 24 * 3_600_000;

/** A booking about to create its event: which one (transactionId), for which pair, in whose calendar and when. */
export interface BookingIntent {
  tenantId: string;
  transactionId: string;
  pairId: string;
  /** The mailbox the event is created in, and its times: what the sweep of abandoned bookings looks the event up by. */
  organizerUserId: string;
  start: string;
  end: string;
}

/**
 * Notes that this booking is on its way, before its event is created. Answers true when an
 * earlier attempt of the same booking got this far and never finished (the service died), so
 * its event may already exist.
 */
export async function beginBooking(db: Db, intent: BookingIntent, now: Date): Promise<boolean> {
  const { tenantId, transactionId } = intent;
  const event = { organizer_user_id: intent.organizerUserId, starts_at: new Date(intent.start), ends_at: new Date(intent.end) };
  const insert = () =>
    db
      .insertInto('booking_intents')
      .values({ tenant_id: tenantId, transaction_id: transactionId, pair_id: intent.pairId, created_at: now, ...event })
      .onConflict((oc) => oc.columns(['tenant_id', 'transaction_id']).doNothing())
      .returning('transaction_id')
      .executeTakeFirst();
  if (await insert()) return false;
  const earlier = await forTenant(db, tenantId)
    .updateTable('booking_intents')
    // The first attempt's event is the one that may exist: keep where it was made (rows from before
    // migration 0008 learn it now).
    .set((eb) => ({
      created_at: now,
      organizer_user_id: eb.fn.coalesce('organizer_user_id', eb.val(event.organizer_user_id)),
      starts_at: eb.fn.coalesce('starts_at', eb.val(event.starts_at)),
      ends_at: eb.fn.coalesce('ends_at', eb.val(event.ends_at)),
    }))
    .where('transaction_id', '=', transactionId)
    .where('created_at', '>', new Date(now.getTime() - resumeWithinMs))
    .returning('transaction_id')
    .executeTakeFirst();
  if (!earlier) {
    const renewed = await forTenant(db, tenantId)
      .updateTable('booking_intents')
      .set({ created_at: now, ...event })
      .where('transaction_id', '=', transactionId)
      .returning('transaction_id')
      .executeTakeFirst();
    // Settled meanwhile by the sweep of abandoned bookings: this attempt still needs its own note.
    if (!renewed) await insert();
  }
  return earlier !== undefined;
}

/** The booking is settled: stored as a session, or given up with its event cancelled. */
export async function endBooking(db: Db, tenantId: string, transactionId: string): Promise<void> {
  await forTenant(db, tenantId).deleteFrom('booking_intents').where('transaction_id', '=', transactionId).execute();
}
