import { aPair } from '../../test/harness/factories';
import { describeEachEngine } from '../../test/harness/databases';
import { beginBooking, endBooking } from './bookingIntents';

const tenant = 'tenant-intents';
const slot = { organizerUserId: 'organizer-1', start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T11:00:00.000Z' };

describeEachEngine('booking intents', (database) => {
  const intent = (transactionId: string, pairId: string) => ({ tenantId: tenant, transactionId, pairId, ...slot });

  it('tells a retry that an earlier attempt of the same booking got as far as Graph', async () => {
    const { db } = database();
    const pair = await aPair(db, tenant);
    const now = new Date('2026-11-22T10:00:00Z');
    expect(await beginBooking(db, intent('tx-1', pair.id), now)).toBe(false);
    expect(await beginBooking(db, intent('tx-1', pair.id), new Date('2026-11-22T10:05:00Z'))).toBe(true);
    expect(await beginBooking(db, intent('tx-2', pair.id), now)).toBe(false);
  });

  it('forgets a settled booking, and treats a day-old attempt as a new booking', async () => {
    const { db } = database();
    const pair = await aPair(db, tenant);
    await beginBooking(db, intent('tx-3', pair.id), new Date('2026-11-20T10:00:00Z'));
    expect(await beginBooking(db, intent('tx-3', pair.id), new Date('2026-11-22T10:00:00Z'))).toBe(false);
    await endBooking(db, tenant, 'tx-3');
    expect(await beginBooking(db, intent('tx-3', pair.id), new Date('2026-11-22T10:01:00Z'))).toBe(false);
  });

  it('records whose calendar the event goes into and when, so a booking nobody finishes can be found again', async () => {
    const { db } = database();
    const pair = await aPair(db, tenant);
    await beginBooking(db, intent('tx-4', pair.id), new Date('2026-11-22T10:00:00Z'));
    // A retry choosing another organizer does not hide where the first attempt's event may be.
    await beginBooking(db, { ...intent('tx-4', pair.id), organizerUserId: 'organizer-2' }, new Date('2026-11-22T10:05:00Z'));
    const row = await db.selectFrom('booking_intents').selectAll().where('transaction_id', '=', 'tx-4').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organizer_user_id: 'organizer-1', starts_at: new Date(slot.start), ends_at: new Date(slot.end), created_at: new Date('2026-11-22T10:05:00Z') });
  });
});
