import type { DayOfWeek, PatternedRecurrence } from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import type { DemoSeries } from '../demoOrg/types';
import { GraphError } from './graphError';
import { ianaZoneOf } from './timeZones';

export interface Occurrence {
  start: DateTime;
  end: DateTime;
}

/**
 * A recurrence the stand-in keeps (a daily or weekly pattern with any of Outlook's three ranges),
 * written back as Outlook writes it: every member present, unused ones zero (`month`,
 * `dayOfMonth`, `numberOfOccurrences`), `first` or the year-1 date.
 */
export interface KeptRecurrence {
  pattern: { type: 'daily' | 'weekly'; interval: number; month: 0; dayOfMonth: 0; daysOfWeek: DayOfWeek[]; firstDayOfWeek: DayOfWeek; index: 'first' };
  range: { type: 'endDate' | 'noEnd' | 'numbered'; startDate: string; endDate: string; recurrenceTimeZone: string; numberOfOccurrences: number };
}

const NO_DATE = '0001-01-01';

const DAY_NAMES: readonly DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (message: string) => new GraphError(400, 'ErrorInvalidRequest', message);

/**
 * A `patternedRecurrence` as Outlook checks it on create and update: a pattern with an interval of
 * at least 1 (and the days of the week for a weekly one), and a range with its start date and,
 * by type, an end date on or after it or a number of occurrences. Patterns other than daily and
 * weekly (monthly, yearly) are valid in Graph but not modelled here: refused, never dropped.
 */
export function checkedRecurrence(input: PatternedRecurrence, startTimeZone: string): KeptRecurrence {
  const { pattern, range } = input;
  if (!pattern || !range) throw invalid("A recurrence needs both 'pattern' and 'range'.");
  // Enumeration members are read without regard to case (the reference writes "Monday"), and written back in lower case.
  const lower = <T extends string>(value: T | null | undefined) => value?.toLowerCase() as T | undefined;
  const type = lower(pattern.type);
  if (type !== 'daily' && type !== 'weekly') {
    throw new GraphError(501, 'NotImplemented', `The stand-in keeps daily and weekly recurrences only, not '${String(pattern.type)}'.`);
  }
  const interval = pattern.interval;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 1 || interval > 99) throw invalid("The recurrence pattern's 'interval' must be a whole number from 1 to 99.");
  const daysOfWeek = (pattern.daysOfWeek ?? []).map((day) => lower(day)!);
  if (daysOfWeek.some((day) => !DAY_NAMES.includes(day))) throw invalid("The recurrence pattern's 'daysOfWeek' names a day that does not exist.");
  if (type === 'weekly' && daysOfWeek.length === 0) throw invalid("A weekly recurrence pattern needs 'daysOfWeek'.");
  const firstDayOfWeek = lower(pattern.firstDayOfWeek) ?? 'sunday';
  if (!DAY_NAMES.includes(firstDayOfWeek)) throw invalid("The recurrence pattern's 'firstDayOfWeek' is not a day.");
  if (!range.startDate || !ISO_DATE.test(range.startDate) || !DateTime.fromISO(range.startDate).isValid) throw invalid("The recurrence range needs a 'startDate' (yyyy-MM-dd).");
  const zone = range.recurrenceTimeZone || startTimeZone;
  ianaZoneOf(zone);
  const kept: KeptRecurrence = {
    pattern: { type, interval, month: 0, dayOfMonth: 0, daysOfWeek: type === 'weekly' ? daysOfWeek : [], firstDayOfWeek, index: 'first' },
    range: { type: 'noEnd', startDate: range.startDate, endDate: NO_DATE, recurrenceTimeZone: zone, numberOfOccurrences: 0 },
  };
  const rangeType = range.type?.toLowerCase();
  if (rangeType === 'enddate') {
    if (!range.endDate || !ISO_DATE.test(range.endDate) || !DateTime.fromISO(range.endDate).isValid) throw invalid("An 'endDate' recurrence range needs an 'endDate' (yyyy-MM-dd).");
    if (range.endDate < range.startDate) throw invalid("The recurrence range's 'endDate' is before its 'startDate'.");
    kept.range = { ...kept.range, type: 'endDate', endDate: range.endDate };
  } else if (rangeType === 'numbered') {
    const count = range.numberOfOccurrences;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw invalid("A 'numbered' recurrence range needs 'numberOfOccurrences' of at least 1.");
    kept.range = { ...kept.range, type: 'numbered', numberOfOccurrences: count };
  } else if (rangeType !== 'noend') {
    throw invalid(`'${String(range.type)}' is not a recurrence range type.`);
  }
  return kept;
}

/** Midnight of the first day of `day`'s week, weeks starting on `firstDay`. */
function weekStartOf(day: DateTime, firstDay: DayOfWeek): DateTime {
  const first = DAY_NAMES.indexOf(firstDay) + 1;
  return day.startOf('day').minus({ days: (day.weekday - first + 7) % 7 });
}

/**
 * The occurrences of a recurrence that overlap [from, to): at the wall-clock time of `firstStart`
 * in the recurrence's time zone (so a daylight-saving change moves them as Outlook does), each
 * `duration` long. A numbered range counts from its start date, whatever the window.
 */
export function expandRecurrence(recurrence: KeptRecurrence, firstStart: DateTime, durationMinutes: number, from: DateTime, to: DateTime): Occurrence[] {
  const { pattern, range } = recurrence;
  const zone = ianaZoneOf(range.recurrenceTimeZone);
  const local = firstStart.setZone(zone);
  const first = DateTime.fromISO(range.startDate, { zone });
  const firstWeek = weekStartOf(first, pattern.firstDayOfWeek);
  const lastDay = DateTime.min(to.setZone(zone).startOf('day').plus({ days: 1 }), range.type === 'endDate' ? DateTime.fromISO(range.endDate, { zone }) : to.setZone(zone).plus({ days: 1 }));
  const counting = range.type === 'numbered';
  // One day of margin before the window covers an occurrence that straddles its start; a numbered range is walked from its start to count.
  let day = counting ? first : DateTime.max(from.setZone(zone).startOf('day').minus({ days: 1 }), first);
  let counted = 0;
  const occurrences: Occurrence[] = [];
  while (day <= lastDay && (!counting || counted < range.numberOfOccurrences)) {
    const matches =
      pattern.type === 'daily'
        ? Math.round(day.diff(first, 'days').days) % pattern.interval === 0
        : pattern.daysOfWeek.includes(DAY_NAMES[day.weekday - 1]!) && Math.round(weekStartOf(day, pattern.firstDayOfWeek).diff(firstWeek, 'days').days / 7) % pattern.interval === 0;
    if (matches) {
      counted += 1;
      const start = day.set({ hour: local.hour, minute: local.minute, second: local.second, millisecond: 0 });
      const end = start.plus({ minutes: durationMinutes });
      if (start < to && end > from) occurrences.push({ start, end });
    }
    day = day.plus({ days: 1 });
  }
  return occurrences;
}

/** A generated demo series as the weekly recurrence Outlook would keep for it (weeks counted from Monday). */
export function expandSeries(series: DemoSeries, from: DateTime, to: DateTime): Occurrence[] {
  const recurrence: KeptRecurrence = {
    pattern: { type: 'weekly', interval: series.intervalWeeks, month: 0, dayOfMonth: 0, daysOfWeek: [...series.daysOfWeek], firstDayOfWeek: 'monday', index: 'first' },
    range: { type: 'noEnd', startDate: series.startDate, endDate: NO_DATE, recurrenceTimeZone: series.timeZone, numberOfOccurrences: 0 },
  };
  const firstStart = DateTime.fromISO(`${series.startDate}T${series.startTime}`, { zone: ianaZoneOf(series.timeZone) });
  return expandRecurrence(recurrence, firstStart, series.durationMinutes, from, to);
}
