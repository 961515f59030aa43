import { DateTime } from 'luxon';

/** The default end of a programme: its start plus its duration, as a calendar date. */
export function programmeEndDate(startsOn: string, durationMonths: number): string {
  const end = DateTime.fromISO(startsOn, { zone: 'utc' }).plus({ months: durationMonths });
  if (!end.isValid) throw new RangeError(`not a date: ${startsOn}`);
  return end.toISODate()!;
}
