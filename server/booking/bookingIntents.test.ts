import { aPair } from '../testing/factories';
import { describeEachEngine } from '../testing/databases';
import { beginBooking, endBooking } from './bookingIntents';

const tenant = 'tenant-intents';

describeEachEngine('booking intents', (database) => {
  it('tells a retry that an earlier attempt of the same booking got as far as Graph', async () => {
    const { db } = database();
    const pair = await aPair(db, tenant);
    const now = new Date('2026-11-22T10:00:00Z');
    expect(await beginBooking(db, tenant, 'tx-1', pair.id, now)).toBe(false);
    expect(await beginBooking(db, tenant, 'tx-1', pair.id, new Date('2026-11-22T10:05:00Z'))).toBe(true);
    expect(await beginBooking(db, tenant, 'tx-2', pair.id, now)).toBe(false);
  });

  it('forgets a settled booking, and treats a day-old attempt as a new booking', async () => {
    const { db } = database();
    const pair = await aPair(db, tenant);
    await beginBooking(db, tenant, 'tx-3', pair.id, new Date('2026-11-20T10:00:00Z'));
    expect(await beginBooking(db, tenant, 'tx-3', pair.id, new Date('2026-11-22T10:00:00Z'))).toBe(false);
    await endBooking(db, tenant, 'tx-3');
    expect(await beginBooking(db, tenant, 'tx-3', pair.id, new Date('2026-11-22T10:01:00Z'))).toBe(false);
  });
});
