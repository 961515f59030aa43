import { DateTime } from 'luxon';
import type { DemoSeries } from '../demoOrg/types';
import { ianaZoneOf } from './timeZones';

export interface Occurrence {
  series: DemoSeries;
  start: DateTime;
  end: DateTime;
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * The occurrences of a recurring series that overlap [from, to), computed in the series' own
 * time zone so that daylight-saving changes move them as Outlook would.
 */
export function expandSeries(series: DemoSeries, from: DateTime, to: DateTime): Occurrence[] {
  const zone = ianaZoneOf(series.timeZone);
  const first = DateTime.fromISO(series.startDate, { zone });
  const firstWeek = first.startOf('week');
  const occurrences: Occurrence[] = [];
  // One day of margin either side covers occurrences that straddle the window's edges.
  let day = DateTime.max(from.setZone(zone).startOf('day').minus({ days: 1 }), first);
  const lastDay = to.setZone(zone).startOf('day').plus({ days: 1 });
  while (day <= lastDay) {
    const weeks = Math.floor(day.startOf('week').diff(firstWeek, 'days').days / 7 + 0.5);
    if (weeks % series.intervalWeeks === 0 && series.daysOfWeek.includes(DAY_NAMES[day.weekday - 1] as DemoSeries['daysOfWeek'][number])) {
      const start = DateTime.fromISO(`${day.toISODate()}T${series.startTime}`, { zone });
      const end = start.plus({ minutes: series.durationMinutes });
      if (start < to && end > from) occurrences.push({ series, start, end });
    }
    day = day.plus({ days: 1 });
  }
  return occurrences;
}
