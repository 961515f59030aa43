import type { Caller } from '../auth/caller';
import type { Calendar } from '../calendar/calendar';
import { suggestSlots, type Suggestions } from './availability';
import type { BookingDeps } from './bookingDeps';
import { type BookingContext, loadBookingContext } from './loadBooking';
import { type MeetingMode, planPairVenues } from './planVenues';

interface SuggestFor {
  actor: Caller;
  ctx: BookingContext;
  calendar: Calendar;
  mode: MeetingMode;
  from: string;
  to: string;
  /** A session being moved: its own time does not count against the cadence. */
  excludeSessionId?: string | undefined;
}

/** Plans venues, then reads availability: the times and places to offer a loaded pair, remembered as the pair's offer. */
export async function suggestFor(deps: BookingDeps, props: SuggestFor): Promise<Suggestions> {
  const { actor, ctx, calendar } = props;
  const plan = await planPairVenues(ctx, () => deps.rooms.rooms(actor.tenantId, calendar), props.mode);
  // Free/busy is read through the calendar that would hold the event by default: the mentee's.
  const organizerId = deps.identity.organizerFor(actor, ctx.pair.mentee_user_id);
  const found = await suggestSlots({ db: deps.db, calendar }, { actor, ctx, plan, organizerId, from: props.from, to: props.to, excludeSessionId: props.excludeSessionId });
  // What was just read is what booking one of these would look at again: kept for a fresh booking (decision 0075).
  deps.offers.remember(actor.tenantId, ctx.pair.id, found.suggestions, found.mailboxLocales);
  return found;
}

/** Ranked times and neutral places for a pair: load and authorise, plan venues, check availability. */
export async function bookingSuggester(
  deps: BookingDeps,
  props: { actor: Caller; pairId: string; from: string; to: string; mode: MeetingMode; excludeSessionId?: string | undefined },
): Promise<Suggestions> {
  const ctx = await loadBookingContext(deps, props.actor, props.pairId);
  return suggestFor(deps, { ...props, ctx, calendar: deps.identity.calendarFor(props.actor) });
}
