import { DateTime, IANAZone, Zone } from 'luxon';
import type { ZoneOffsetFormat } from 'luxon';
import { SchedulingError } from './errors';
import { toIanaZone } from './timeZones';

/** Graph `standardTimeZoneOffset`: when a zone switches back to standard time (a rule, not a date). */
export interface TimeZoneTransition {
  /** Local time of day of the switch, such as "02:00:00.0000000". */
  time?: string | null;
  /** The nth `dayOfWeek` of the month; 5 means the last. */
  dayOccurrence?: number | null;
  dayOfWeek?: string | null;
  /** 1-12; 0 when the zone has no daylight saving time. */
  month?: number | null;
  year?: number | null;
}

/** Graph `daylightTimeZoneOffset`: when a zone switches to daylight saving time, and by how much. */
export interface DaylightTransition extends TimeZoneTransition {
  daylightBias?: number | null;
}

/**
 * Graph `timeZoneBase` as mailbox settings and getSchedule return it: a Windows or IANA `name`,
 * or a `customTimeZone` ("Customized Time Zone") carrying its own offsets and transition rules.
 */
export interface GraphTimeZone {
  '@odata.type'?: string | null;
  name?: string | null;
  bias?: number | null;
  standardOffset?: TimeZoneTransition | null;
  daylightOffset?: DaylightTransition | null;
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const minuteMs = 60_000;

function minutesOfDay(time: string | null | undefined): number {
  const match = /^(\d{1,2}):(\d{2})/.exec(time ?? '00:00');
  if (!match) throw new SchedulingError('unknown-time-zone', `The transition time "${time ?? ''}" of a custom time zone must look like 02:00:00.`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Local wall-clock milliseconds (as if UTC) of a transition rule in a year. */
function transitionLocalMs(rule: TimeZoneTransition, year: number): number {
  const month = rule.month ?? 0;
  const weekday = weekdays.indexOf((rule.dayOfWeek ?? '').toLowerCase()) + 1;
  const occurrence = Math.min(Math.max(rule.dayOccurrence ?? 1, 1), 5);
  if (weekday < 1 || month < 1 || month > 12) throw new SchedulingError('unknown-time-zone', 'A custom time zone names a transition without a valid month and day of the week.');
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' });
  let day = first.plus({ days: (weekday - first.weekday + 7) % 7 + (occurrence - 1) * 7 });
  // The fifth occurrence means "the last": step back into the month when there is no fifth.
  while (day.month !== month) day = day.minus({ weeks: 1 });
  return day.toMillis() + minutesOfDay(rule.time) * minuteMs;
}

/**
 * A Graph `customTimeZone` as a Luxon zone, so working hours and formatting apply its offset and
 * daylight rules exactly. Graph documents the offsets as minutes ahead of UTC: `bias` in standard
 * time, `bias + daylightBias` in daylight saving time
 * (https://learn.microsoft.com/graph/api/resources/customtimezone, .../daylighttimezoneoffset).
 */
export class CustomTimeZone extends Zone {
  private readonly bias: number;
  private readonly daylightBias: number;

  constructor(private readonly zone: GraphTimeZone) {
    super();
    this.bias = zone.bias ?? 0;
    this.daylightBias = zone.daylightOffset?.month && zone.standardOffset?.month ? (zone.daylightOffset.daylightBias ?? 0) : 0;
    // Fail now, not at the first instant: an unusable rule is reported once, where it is read.
    if (this.daylightBias !== 0) this.offset(0);
  }

  override get type(): string {
    return 'graph-custom';
  }

  override get name(): string {
    return `${this.zone.name ?? 'Customized Time Zone'} (UTC${this.formatOffset(0, 'short')})`;
  }

  override get isUniversal(): boolean {
    return this.daylightBias === 0;
  }

  override offsetName(): string {
    return this.zone.name ?? 'Customized Time Zone';
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    const offset = this.offset(ts);
    const sign = offset < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
    if (format === 'narrow') return `${sign}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
    return format === 'techie' ? `${sign}${hours}${minutes}` : `${sign}${hours}:${minutes}`;
  }

  /** Minutes ahead of UTC at the instant `ts`. */
  override offset(ts: number): number {
    if (this.daylightBias === 0) return this.bias;
    const year = DateTime.fromMillis(ts + this.bias * minuteMs, { zone: 'utc' }).year;
    // The switch to daylight time happens on standard wall-clock time, the switch back on daylight time.
    const daylightStarts = transitionLocalMs(this.zone.daylightOffset!, year) - this.bias * minuteMs;
    const standardStarts = transitionLocalMs(this.zone.standardOffset!, year) - (this.bias + this.daylightBias) * minuteMs;
    const inDaylight = daylightStarts < standardStarts ? ts >= daylightStarts && ts < standardStarts : ts >= daylightStarts || ts < standardStarts;
    return inDaylight ? this.bias + this.daylightBias : this.bias;
  }

  override equals(other: Zone): boolean {
    return other instanceof CustomTimeZone && other.name === this.name && JSON.stringify(other.zone) === JSON.stringify(this.zone);
  }

  override get isValid(): boolean {
    return true;
  }
}

/** Whether Graph sent a `customTimeZone` rather than a named zone. */
export function isCustomTimeZone(zone: GraphTimeZone): boolean {
  return zone['@odata.type'] === '#microsoft.graph.customTimeZone' || typeof zone.bias === 'number';
}

/** The Luxon zone of a Graph time zone: its own rules when custom, else the IANA zone of its name. */
export function zoneOf(zone: GraphTimeZone): Zone {
  if (isCustomTimeZone(zone)) return new CustomTimeZone(zone);
  return IANAZone.create(toIanaZone(zone.name ?? ''));
}
