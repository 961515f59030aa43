import { findSlots, type SlotSuggestion } from '../../shared/scheduling';
import type { AppDeps } from '../appDeps';
import type { Caller } from '../auth/caller';
import { ApiError } from '../http/errors';
import { type BookingContext, loadBookingContext, type MeetingMode, planPairVenues } from './bookingContext';
import { readFreeBusy } from './freeBusy';
import type { RoomCatalogue } from './roomCatalogue';

/** At most this many rooms have their calendars read per search: 40 rooms and 2 people fit one `$batch`. */
export const maxRoomsPerSearch = 40;

export interface SuggestProps {
  deps: AppDeps;
  rooms: RoomCatalogue;
  actor: Caller;
  pairId: string;
  from: string;
  to: string;
  mode: MeetingMode;
  /** A session being moved: its own time does not count against the cadence. */
  excludeSessionId?: string;
}

export interface Suggestions {
  suggestions: SlotSuggestion[];
  /** How many neutral rooms had their calendars read, and how many rooms were left out as not neutral. */
  roomsChecked: number;
  roomsRejected: number;
  /** The caller's partner, for filling an appointment by hand (name and address only). */
  partner: { displayName: string; mail: string };
}

/** Whose calendar endpoint reads free/busy and, by default, holds the event: the mentee's, or the caller's with a delegated identity. */
export function defaultOrganizerId(deps: AppDeps, actor: Caller, ctx: BookingContext): string {
  return deps.config.bookingIdentity === 'delegated' ? actor.userId : ctx.pair.mentee_user_id;
}

/** Ranked times and neutral places for a pair: one free/busy round trip for both people and up to 40 rooms. */
export async function bookingSuggester(props: SuggestProps): Promise<Suggestions> {
  const ctx = await loadBookingContext(props.deps, props.actor, props.pairId);
  return suggestFor(props, ctx);
}

export async function suggestFor(props: SuggestProps, ctx: BookingContext): Promise<Suggestions> {
  const { deps, actor } = props;
  const plan = await planPairVenues(ctx, props.rooms, actor.tenantId, props.mode);
  const roomMails = plan.suggestions.filter((s) => s.venue.kind === 'room').slice(0, maxRoomsPerSearch).map((s) => s.venue.ref!.toLowerCase());
  const checked = new Set(roomMails);
  const venues = plan.suggestions.filter((s) => s.venue.kind !== 'room' || checked.has(s.venue.ref!.toLowerCase()));

  const organizerId = defaultOrganizerId(deps, actor, ctx);
  const [first, second] = organizerId === ctx.mentor.userId ? [ctx.mentor, ctx.mentee] : [ctx.mentee, ctx.mentor];
  const freeBusy = await readFreeBusy(ctx.graph, { calendarUserId: organizerId, schedules: [first.mail, second.mail, ...roomMails], from: props.from, to: props.to });

  const person = (mail: string) => {
    const key = mail.toLowerCase();
    const busy = freeBusy.busy.get(key);
    const workingHours = freeBusy.workingHours.get(key);
    if (!busy || !workingHours) throw new ApiError('upstreamUnavailable', 'Microsoft 365 could not show when one of you is free; try again in a minute.');
    return { busy, workingHours };
  };
  const roomBusy = Object.fromEntries(roomMails.flatMap((mail) => {
    const busy = freeBusy.busy.get(mail);
    // A room whose calendar could not be read is left out: never offer a room not known to be free.
    return busy ? [[mail, busy] as const] : [];
  }));

  const sessions = await deps.db
    .selectFrom('sessions')
    .select(['id', 'starts_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('pair_id', '=', ctx.pair.id)
    .where('status', '=', 'planned')
    .execute();

  const suggestions = findSlots({
    from: props.from,
    to: props.to,
    sessionMinutes: ctx.sessionMinutes,
    cadenceDays: ctx.cadenceDays,
    people: [person(first.mail), person(second.mail)],
    venues,
    roomBusy,
    pairSessions: sessions.filter((s) => s.id !== props.excludeSessionId).map((s) => ({ start: s.starts_at.toISOString() })),
  });
  const partner = actor.userId === ctx.mentee.userId ? ctx.mentor : ctx.mentee;
  return {
    suggestions,
    roomsChecked: roomMails.length,
    roomsRejected: plan.rejected.filter((r) => r.kind === 'room').length,
    partner: { displayName: partner.displayName, mail: partner.mail },
  };
}
