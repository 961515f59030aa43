import { DateTime } from 'luxon';
import { SchedulingError } from './errors';
import type { Span } from './intervals';
import type { GraphTimeZone } from './customTimeZone';
import { zoneOf } from './customTimeZone';

/** Graph `mailboxSettings.workingHours`. */
export interface WorkingHours {
  daysOfWeek: readonly string[];
  /** Local time of day, such as "08:00:00.0000000". */
  startTime: string;
  endTime: string;
  /** A named zone, or a `customTimeZone` with its own offsets and daylight rules. */
  timeZone: GraphTimeZone;
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const timeOfDay = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const dayMs = 86_400_000;

function parseTimeOfDay(value: string): { hour: number; minute: number; second: number } {
  const match = timeOfDay.exec(value.trim());
  const [hour, minute, second] = [match?.[1], match?.[2], match?.[3] ?? '0'].map(Number) as [number, number, number];
  if (!match || hour > 23 || minute > 59 || second > 59) {
    throw new SchedulingError('invalid-working-hours', `Working hours time "${value}" must look like 08:30:00.`);
  }
  return { hour, minute, second };
}

/**
 * A person's working hours inside [from, to), as UTC spans. Each working day is laid out in
 * the person's own zone, so daylight saving changes move the UTC times as they should.
 */
export function workingSpans(hours: WorkingHours, from: number, to: number): Span[] {
  const zone = zoneOf(hours.timeZone);
  const start = parseTimeOfDay(hours.startTime);
  const end = parseTimeOfDay(hours.endTime);
  const days = new Set(hours.daysOfWeek.map((d) => weekdays.indexOf(d.toLowerCase()) + 1).filter((d) => d > 0));
  const spans: Span[] = [];
  // Start a day early: a working day that began the local day before may still reach into the window.
  for (let day = DateTime.fromMillis(from - dayMs, { zone }).startOf('day'); day.toMillis() < to; day = day.plus({ days: 1 })) {
    if (!days.has(day.weekday)) continue;
    const opens = day.set(start);
    let closes = day.set(end);
    // An end at or before the start means the working day runs past midnight.
    if (closes <= opens) closes = closes.plus({ days: 1 });
    const span = { start: Math.max(opens.toMillis(), from), end: Math.min(closes.toMillis(), to) };
    if (span.end > span.start) spans.push(span);
  }
  return spans;
}
