import { DateTime } from 'luxon';
import type { Zone } from 'luxon';
import type { Venue } from '../glossary';
import type { NeutralityCode, VenueSuggestion } from '../venues/venuePolicy';
import { SchedulingError } from './errors';
import type { BusyInterval, Span } from './intervals';
import { intersectSpans, mergeSpans, overlapsAny, parseInstant, spanOf, subtractSpans, toIsoUtc } from './intervals';
import { zoneOf } from './customTimeZone';
import type { WorkingHours } from './workingHours';
import { workingSpans } from './workingHours';

export interface SlotPerson {
  workingHours: WorkingHours;
  busy: readonly BusyInterval[];
}

export interface SlotSearch {
  /** The search window [from, to), ISO instants with offsets. Nothing here reads the clock. */
  from: string;
  to: string;
  /** `ProgrammeSettings.sessionMinutes`. */
  sessionMinutes: number;
  /** `ProgrammeSettings.cadenceDays`: no slot within cadenceDays / 2 of a session of the pair. */
  cadenceDays: number;
  /** The organiser first: days are counted in their zone when spreading suggestions. */
  people: readonly [SlotPerson, SlotPerson];
  /** Venues best first, as `planVenues` returns them; each slot gets the first one free. */
  venues: readonly VenueSuggestion[];
  /** Busy time of candidate rooms keyed by room e-mail (any case). A room missing here is never offered. */
  roomBusy: Readonly<Record<string, readonly BusyInterval[]>>;
  /** The pair's previous and next sessions (leave out the one being rescheduled). */
  pairSessions?: readonly { start: string }[];
  /** Slot starts fall on multiples of this many minutes (UTC). Default 30. */
  stepMinutes?: number;
  /** Default 10. */
  maxSuggestions?: number;
  /** Suggestions on the same day start at least this far apart. Default the larger of 2 hours and the session length. */
  sameDayGapMinutes?: number;
}

export interface SlotSuggestion {
  /** ISO instants in UTC. */
  start: string;
  end: string;
  venue: Venue;
  code: NeutralityCode;
  /** Why the place is neutral is `code` (with the venue's name), worded by each client in its reader's language. */
  fallback: boolean;
}

const minuteMs = 60_000;
const dayMs = 86_400_000;

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new SchedulingError('invalid-option', `${name} must be a positive number, not ${value}.`);
  return value;
}

function lowerKeys(record: Readonly<Record<string, readonly BusyInterval[]>>): Map<string, Span[]> {
  const map = new Map<string, Span[]>();
  for (const [email, busy] of Object.entries(record)) {
    const key = email.toLowerCase();
    map.set(key, mergeSpans([...(map.get(key) ?? []), ...busy.map(spanOf)]));
  }
  return map;
}

interface Candidate {
  start: number;
  day: string;
  venue: VenueSuggestion;
}

/** Why a search found nothing, most specific first; `retryFrom` is the first instant worth looking from again. */
export type NoSlotFinding =
  | { reason: 'no-shared-free-time'; retryFrom: string }
  | { reason: 'spacing' | 'cadence'; session: string; retryFrom: string }
  | { reason: 'no-neutral-place' };

interface Scan {
  candidates: Candidate[];
  length: number;
  zones: Zone[];
  /** Slots both people could meet in, before the spacing rule and venues. */
  freeSlots: number;
  /** The pair's sessions that ruled slots out by the spacing rule, and how far that rule reaches. */
  spacedBy: Set<number>;
  cadenceGap: number;
}

function scan(search: SlotSearch): Scan {
  const from = parseInstant(search.from);
  const to = parseInstant(search.to);
  if (to <= from) throw new SchedulingError('invalid-window', 'The search window must end after it starts.');
  const length = positive('sessionMinutes', search.sessionMinutes) * minuteMs;
  const step = positive('stepMinutes', search.stepMinutes ?? 30) * minuteMs;
  const cadenceGap = (positive('cadenceDays', search.cadenceDays) / 2) * dayMs;

  const [first, second] = search.people;
  const zones = search.people.map((p) => zoneOf(p.workingHours.timeZone));
  const bothWorking = intersectSpans(workingSpans(first.workingHours, from, to), workingSpans(second.workingHours, from, to));
  const free = subtractSpans(bothWorking, [...first.busy, ...second.busy].map(spanOf));
  const sessionStarts = (search.pairSessions ?? []).map((s) => parseInstant(s.start));
  const rooms = lowerKeys(search.roomBusy);

  const venueFor = (start: number): VenueSuggestion | undefined =>
    search.venues.find((v) => {
      if (v.venue.kind !== 'room') return true;
      const busy = rooms.get((v.venue.ref ?? '').toLowerCase());
      return busy !== undefined && !overlapsAny(start, start + length, busy);
    });

  const candidates: Candidate[] = [];
  const spacedBy = new Set<number>();
  let freeSlots = 0;
  for (const span of free) {
    for (let start = Math.ceil(span.start / step) * step; start + length <= span.end; start += step) {
      freeSlots += 1;
      const near = sessionStarts.filter((s) => Math.abs(start - s) < cadenceGap);
      if (near.length > 0) {
        near.forEach((s) => spacedBy.add(s));
        continue;
      }
      const venue = venueFor(start);
      if (venue) candidates.push({ start, venue, day: DateTime.fromMillis(start, { zone: zones[0] }).toISODate() ?? '' });
    }
  }
  return { candidates, length, zones, freeSlots, spacedBy, cadenceGap };
}

/**
 * Ranked slot suggestions for a pair: inside both people's working hours, clear of both
 * calendars and of the cadence gap around their other sessions, each with the best venue that
 * is free (a room only when its own calendar shows it free). Ranked earliest first but spread
 * across days: the earliest slot of each day, day by day, then a second round of later slots
 * on those days, and so on.
 */
export function findSlots(search: SlotSearch): SlotSuggestion[] {
  const maxSuggestions = search.maxSuggestions ?? 10;
  const sameDayGap = (search.sameDayGapMinutes ?? Math.max(120, search.sessionMinutes)) * minuteMs;
  const { candidates, length } = scan(search);
  return spreadAcrossDays(candidates, maxSuggestions, sameDayGap).map((c) => suggestion(c, length));
}

/**
 * Why the same search finds no slot, or null when it finds one: no time free for both in their
 * working hours; every free time too close to one of the pair's sessions (`cadence` when that
 * session is still to come, so the next is simply not due yet; `spacing` when it is past); or
 * times free but no neutral place free then.
 */
export function explainNoSlot(search: SlotSearch): NoSlotFinding | null {
  const { candidates, freeSlots, spacedBy, cadenceGap } = scan(search);
  if (candidates.length > 0) return null;
  if (freeSlots === 0) return { reason: 'no-shared-free-time', retryFrom: toIsoUtc(parseInstant(search.to)) };
  if (spacedBy.size > 0) {
    const latest = Math.max(...spacedBy);
    const upcoming = latest >= parseInstant(search.from);
    return { reason: upcoming ? 'cadence' : 'spacing', session: toIsoUtc(latest), retryFrom: toIsoUtc(latest + cadenceGap) };
  }
  return { reason: 'no-neutral-place' };
}

function spreadAcrossDays(candidates: readonly Candidate[], max: number, sameDayGap: number): Candidate[] {
  const days = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const day = days.get(c.day);
    if (day) day.push(c);
    else days.set(c.day, [c]);
  }
  const chosenByDay = new Map<string, Candidate[]>();
  const ranked: Candidate[] = [];
  for (let progress = true; progress && ranked.length < max; ) {
    progress = false;
    for (const [day, slots] of days) {
      if (ranked.length >= max) break;
      const chosen = chosenByDay.get(day) ?? [];
      const next = slots.find((s) => chosen.every((c) => Math.abs(s.start - c.start) >= sameDayGap));
      if (!next) continue;
      chosenByDay.set(day, [...chosen, next]);
      ranked.push(next);
      progress = true;
    }
  }
  return ranked;
}

function suggestion(candidate: Candidate, length: number): SlotSuggestion {
  return {
    start: toIsoUtc(candidate.start),
    end: toIsoUtc(candidate.start + length),
    venue: candidate.venue.venue,
    code: candidate.venue.code,
    fallback: candidate.venue.fallback,
  };
}
