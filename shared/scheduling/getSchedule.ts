import { DateTime } from 'luxon';
import { SchedulingError } from './errors';
import type { BusyInterval, Span } from './intervals';
import { mergeSpans, toIsoUtc } from './intervals';
import { plainUtcMillis } from './plainUtc';
import { toIanaZone } from './timeZones';
import type { WorkingHours } from './workingHours';

/** Graph `dateTimeTimeZone`: a local date-time without offset, and the zone it is in. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/** Graph `scheduleItem` (subject and location are left out on purpose: slot finding never needs them). */
export interface ScheduleItem {
  status: FreeBusyStatus | string;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
}

/** One entry of getSchedule's `value`. */
export interface ScheduleInformation {
  scheduleId: string;
  availabilityView?: string | null;
  scheduleItems?: readonly ScheduleItem[] | null;
  workingHours?: WorkingHours | null;
  error?: { message?: string | null; responseCode?: string | null } | null;
}

/** Busy time of one schedule, or why it could not be read (then treat that person or room as unavailable). */
export type ScheduleBusy =
  | { scheduleId: string; readable: true; busy: BusyInterval[] }
  | { scheduleId: string; readable: false; reason: string };

export interface BusyOptions {
  /** Whether tentative time blocks a slot. Default true: a tentative meeting may still happen. */
  tentativeIsBusy?: boolean;
}

/** availabilityView digits, in Graph's order. */
const viewStatuses: Record<string, FreeBusyStatus> = { '0': 'free', '1': 'tentative', '2': 'busy', '3': 'oof', '4': 'workingElsewhere' };

function blocks(status: string, options: BusyOptions): boolean {
  if (status === 'free' || status === 'workingElsewhere') return false;
  if (status === 'tentative') return options.tentativeIsBusy ?? true;
  // busy, oof, and anything unknown: assume the time is taken.
  return true;
}

/** Epoch milliseconds of a Graph dateTimeTimeZone (its zone may be a Windows name). */
export function parseDateTimeTimeZone(value: DateTimeTimeZone): number {
  // getSchedule is asked in UTC, so nearly every item is read here without luxon.
  const utc = value.timeZone === 'UTC' ? plainUtcMillis(value.dateTime, { zulu: false }) : null;
  if (utc !== null) return utc;
  const parsed = DateTime.fromISO(value.dateTime, { zone: toIanaZone(value.timeZone) });
  if (!parsed.isValid) throw new SchedulingError('invalid-instant', `"${value.dateTime}" in ${value.timeZone} is not a date-time Graph would send.`);
  return parsed.toMillis();
}

/** Formats an instant as a Graph dateTimeTimeZone in UTC. */
export function toDateTimeTimeZone(millis: number): DateTimeTimeZone {
  return { dateTime: DateTime.fromMillis(millis, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: 'UTC' };
}

function toBusy(spans: Span[]): BusyInterval[] {
  return mergeSpans(spans).map((s) => ({ start: toIsoUtc(s.start), end: toIsoUtc(s.end) }));
}

/** Busy intervals (UTC, merged) from getSchedule's `scheduleItems`. */
export function busyFromScheduleItems(items: readonly ScheduleItem[], options: BusyOptions = {}): BusyInterval[] {
  return toBusy(items.filter((item) => blocks(item.status, options)).map((item) => ({ start: parseDateTimeTimeZone(item.start), end: parseDateTimeTimeZone(item.end) })));
}

/**
 * Busy intervals (UTC, merged) from getSchedule's `availabilityView`: one digit per
 * `intervalMinutes`, counted from the request's `startTime`.
 */
export function busyFromAvailabilityView(view: string, viewStart: DateTimeTimeZone, intervalMinutes: number, options: BusyOptions = {}): BusyInterval[] {
  const origin = parseDateTimeTimeZone(viewStart);
  const step = intervalMinutes * 60_000;
  const spans: Span[] = [];
  [...view].forEach((digit, index) => {
    if (blocks(viewStatuses[digit] ?? 'unknown', options)) spans.push({ start: origin + index * step, end: origin + (index + 1) * step });
  });
  return toBusy(spans);
}

/**
 * Busy time of one getSchedule entry: from `scheduleItems` when Graph sent them (exact), else
 * from `availabilityView` (rounded to the view interval). `request` is what was asked for.
 */
export function parseScheduleInformation(
  info: ScheduleInformation,
  request: { startTime: DateTimeTimeZone; availabilityViewInterval: number },
  options: BusyOptions = {},
): ScheduleBusy {
  if (info.error) return { scheduleId: info.scheduleId, readable: false, reason: info.error.responseCode ?? info.error.message ?? 'error' };
  if (info.scheduleItems) return { scheduleId: info.scheduleId, readable: true, busy: busyFromScheduleItems(info.scheduleItems, options) };
  if (typeof info.availabilityView === 'string') {
    return { scheduleId: info.scheduleId, readable: true, busy: busyFromAvailabilityView(info.availabilityView, request.startTime, request.availabilityViewInterval, options) };
  }
  return { scheduleId: info.scheduleId, readable: false, reason: 'no free/busy data' };
}
