import type { Caller } from '../auth/caller';
import { forTenant } from '../store/tenantScope';
import type { BookingDeps } from './bookingDeps';
import { type BookingContext, loadBookingContext } from './loadBooking';
import type { SessionRow } from './reserve';

/** The pair's planned sessions that have not ended yet, soonest first: what the add-in opens on. */
export async function upcomingSessions(deps: BookingDeps, props: { actor: Caller; pairId: string; now: Date }): Promise<{ sessions: SessionRow[]; ctx: BookingContext }> {
  const { actor, now } = props;
  const ctx = await loadBookingContext(deps, actor, props.pairId);
  const sessions = await forTenant(deps.db, actor.tenantId)
    .selectFrom('sessions')
    .selectAll()
    .where('pair_id', '=', ctx.pair.id)
    .where('status', '=', 'planned')
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .execute();
  return { sessions, ctx };
}
