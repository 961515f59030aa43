import { type BusyInterval, explainNoSlot, findSlots, type NoSlotFinding, type SlotSearch, type SlotSuggestion } from '../../shared/scheduling';
import type { VenuePlan } from '../../shared/venues';
import type { Caller } from '../auth/caller';
import type { Calendar } from '../calendar/calendar';
import { ApiError } from '../http/errors';
import type { Db } from '../store/database';
import type { BookingContext } from './loadBooking';
import { forTenant } from '../store/tenantScope';

/** At most this many rooms have their calendars read per search: 40 rooms and 2 people fit one `$batch`. */
const maxRoomsPerSearch = 40;

export interface Slot {
  start: string;
  end: string;
}

export interface Suggestions {
  /** Neutral places first, fallbacks after, each group in the ranking `findSlots` gives. */
  suggestions: SlotSuggestion[];
  /** Why there is none, exactly when `suggestions` is empty. */
  noSlot: NoSlotFinding | null;
  /** How many neutral rooms had their calendars read, and how many rooms were left out as not neutral. */
  roomsChecked: number;
  roomsRejected: number;
  /** The caller's partner, for filling an appointment by hand (name and address only). */
  partner: { displayName: string; mail: string };
  /** The programme's off-site venues' addresses, by venue id. */
  offsiteAddresses: ReadonlyMap<string, string>;
  /** The two people's mailbox languages, read with free/busy, by user id (null: none set; absent: not read). */
  mailboxLocales: ReadonlyMap<string, string | null>;
}

/** A slot to book or move to, in UTC; only a future one can be. */
export function futureSlot(asked: Slot, now: Date): Slot {
  const slot = { start: new Date(asked.start).toISOString(), end: new Date(asked.end).toISOString() };
  if (Date.parse(slot.start) <= now.getTime()) throw new ApiError('invalidRequest', { key: 'invalidRequest.startInPast' }, [{ field: 'start', message: 'must be in the future' }]);
  return slot;
}

/**
 * Whether busy time overlaps the slot. A session being moved still holds its old time (`own`):
 * busy time inside it is the session's own, ours to move.
 */
function overlaps(busy: readonly BusyInterval[] | null | undefined, slot: Slot, own: Slot | null): boolean {
  // An unreadable calendar counts as busy: never book what cannot be shown to be free.
  if (!busy) return true;
  const [start, end] = [Date.parse(slot.start), Date.parse(slot.end)];
  return busy.some((b) => {
    const [s, e] = [Date.parse(b.start), Date.parse(b.end)];
    const ours = own !== null && s >= Date.parse(own.start) && e <= Date.parse(own.end);
    return s < end && e > start && !ours;
  });
}

/** The last look at free/busy just before booking or moving: which is taken meanwhile, the room or one of the people, or nothing. */
export async function lastLook(
  calendar: Pick<Calendar, 'busyNow'>,
  props: { organizerId: string; people: readonly string[]; roomMail: string | null; slot: Slot; own: Slot | null },
): Promise<'roomTaken' | 'slotTaken' | null> {
  const { people, roomMail, slot } = props;
  const busy = await calendar.busyNow({ organizerId: props.organizerId, schedules: [...people, ...(roomMail ? [roomMail] : [])], from: slot.start, to: slot.end });
  const taken = (mail: string) => overlaps(busy.get(mail.toLowerCase()), slot, props.own);
  if (roomMail && taken(roomMail)) return 'roomTaken';
  return people.some(taken) ? 'slotTaken' : null;
}

/** At most this many rooms are asked about in one direct getSchedule call (Graph's limit per call). */
const maxSchedulesPerCall = 20;

/** Which of the rooms (best first) are free for the whole slot, in one free/busy call; an unreadable room is not free. */
export async function freeRooms(calendar: Pick<Calendar, 'busyNow'>, props: { organizerId: string; roomMails: readonly string[]; slot: Slot }): Promise<string[]> {
  const asked = props.roomMails.slice(0, maxSchedulesPerCall);
  if (asked.length === 0) return [];
  const busy = await calendar.busyNow({ organizerId: props.organizerId, schedules: asked, from: props.slot.start, to: props.slot.end });
  return asked.filter((mail) => !overlaps(busy.get(mail.toLowerCase()), props.slot, null));
}

export interface SuggestProps {
  actor: Caller;
  ctx: BookingContext;
  plan: VenuePlan;
  /** Whose calendar asks for free/busy: the one that would hold the event. */
  organizerId: string;
  from: string;
  to: string;
  /** A session being moved: its own time does not count against the cadence. */
  excludeSessionId?: string | undefined;
}

/** Ranked times and neutral places for a pair: one free/busy round trip for both people and up to 40 rooms. */
export async function suggestSlots(deps: { db: Db; calendar: Pick<Calendar, 'freeBusy'> }, props: SuggestProps): Promise<Suggestions> {
  const { actor, ctx, plan } = props;
  const roomMails = plan.suggestions.filter((s) => s.venue.kind === 'room').slice(0, maxRoomsPerSearch).map((s) => s.venue.ref!.toLowerCase());
  const checked = new Set(roomMails);
  const venues = plan.suggestions.filter((s) => s.venue.kind !== 'room' || checked.has(s.venue.ref!.toLowerCase()));

  const [first, second] = props.organizerId === ctx.mentor.userId ? [ctx.mentor, ctx.mentee] : [ctx.mentee, ctx.mentor];
  // The mailbox languages ride along, so booking one of these suggestions needs no read of its own (decision 0075).
  const freeBusy = await deps.calendar.freeBusy({
    organizerId: props.organizerId,
    schedules: [first.mail, second.mail, ...roomMails],
    from: props.from,
    to: props.to,
    mailboxLanguagesOf: [first.userId, second.userId],
  });

  const person = (mail: string) => {
    const key = mail.toLowerCase();
    const busy = freeBusy.busy.get(key);
    const workingHours = freeBusy.workingHours.get(key);
    if (!busy || !workingHours) throw new ApiError('upstreamUnavailable', { key: 'upstreamUnavailable.freeBusy' });
    return { busy, workingHours };
  };
  const roomBusy = Object.fromEntries(roomMails.flatMap((mail) => {
    const busy = freeBusy.busy.get(mail);
    // A room whose calendar could not be read is left out: never offer a room not known to be free.
    return busy ? [[mail, busy] as const] : [];
  }));

  const sessions = await forTenant(deps.db, actor.tenantId)
    .selectFrom('sessions')
    .select(['id', 'starts_at'])
    .where('pair_id', '=', ctx.pair.id)
    .where('status', '=', 'planned')
    .execute();

  const search: SlotSearch = {
    from: props.from,
    to: props.to,
    sessionMinutes: ctx.sessionMinutes,
    cadenceDays: ctx.cadenceDays,
    people: [person(first.mail), person(second.mail)],
    venues,
    roomBusy,
    pairSessions: sessions.filter((s) => s.id !== props.excludeSessionId).map((s) => ({ start: s.starts_at.toISOString() })),
  };
  const found = findSlots(search);
  // A fallback room is offered only after every neutral choice, so the first suggestions are the best places.
  const suggestions = [...found.filter((s) => !s.fallback), ...found.filter((s) => s.fallback)];
  const partner = actor.userId === ctx.mentee.userId ? ctx.mentor : ctx.mentee;
  return {
    suggestions,
    noSlot: suggestions.length === 0 ? explainNoSlot(search) : null,
    roomsChecked: roomMails.length,
    roomsRejected: plan.rejected.filter((r) => r.kind === 'room').length,
    partner: { displayName: partner.displayName, mail: partner.mail },
    offsiteAddresses: new Map(ctx.venuePolicy.offsiteVenues.map((o) => [o.id, o.address])),
    mailboxLocales: freeBusy.mailboxLocales,
  };
}

/** Where fresh suggestions after a conflict are looked for: the next fortnight. */
export function nextFortnight(now: Date): { from: string; to: string } {
  return { from: now.toISOString(), to: new Date(now.getTime() + 14 * 86_400_000).toISOString() };
}

