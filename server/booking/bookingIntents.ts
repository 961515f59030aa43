import type { Db } from '../store/database';

/** An attempt older than this is history, not a booking still on its way. */
const resumeWithinMs = 24 * 3_600_000;

/**
 * Notes that this booking is on its way, before its event is created. Answers true when an
 * earlier attempt of the same booking got this far and never finished (the service died), so
 * its event may already exist.
 */
export async function beginBooking(db: Db, tenantId: string, transactionId: string, pairId: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('booking_intents')
    .values({ tenant_id: tenantId, transaction_id: transactionId, pair_id: pairId, created_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'transaction_id']).doNothing())
    .returning('transaction_id')
    .executeTakeFirst();
  if (inserted) return false;
  const earlier = await db
    .updateTable('booking_intents')
    .set({ created_at: now })
    .where('tenant_id', '=', tenantId)
    .where('transaction_id', '=', transactionId)
    .where('created_at', '>', new Date(now.getTime() - resumeWithinMs))
    .returning('transaction_id')
    .executeTakeFirst();
  if (!earlier) {
    await db.updateTable('booking_intents').set({ created_at: now }).where('tenant_id', '=', tenantId).where('transaction_id', '=', transactionId).execute();
  }
  return earlier !== undefined;
}

/** The booking is settled: stored as a session, or given up with its event cancelled. */
export async function endBooking(db: Db, tenantId: string, transactionId: string): Promise<void> {
  await db.deleteFrom('booking_intents').where('tenant_id', '=', tenantId).where('transaction_id', '=', transactionId).execute();
}
