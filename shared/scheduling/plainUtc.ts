/**
 * UTC date-times read and written with integer arithmetic, for the hot paths of slot finding
 * (thousands a search, where luxon costs most of a booking's CPU). Each answers null for what it
 * does not cover, and the caller then asks luxon, so the results are luxon's.
 */

const dayMs = 86_400_000;
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The date of a count of days from 1970-01-01 (`civil_from_days`). */
function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted + (shifted < 10 ? 3 : -9);
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1];
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:MM:SS` with an optional fraction (cut to the millisecond,
 * as luxon reads it) and, with `zulu`, a final `Z`; null for any other shape or an impossible
 * date or time (30 February, 24:00).
 */
export function plainUtcMillis(text: string, { zulu }: { zulu: boolean }): number | null {
  const match = (zulu ? zuluPattern : plainPattern).exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const monthDays = month === 2 && isLeap(year) ? 29 : daysInMonth[month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return null;
  const fraction = match[7] ? Math.floor(parseFloat(`0.${match[7]}`) * 1000) : 0;
  return daysFromCivil(year, month, day) * dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
}

const plainPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const zuluPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS[.mmm]Z` (milliseconds only when there are some) for whole milliseconds in years 0000-9999; null otherwise. */
export function plainUtcIso(millis: number): string | null {
  if (!Number.isInteger(millis)) return null;
  const days = Math.floor(millis / dayMs);
  const [year, month, day] = civilFromDays(days);
  if (year < 0 || year > 9999) return null;
  const ofDay = millis - days * dayMs;
  const ms = ofDay % 1000;
  const seconds = (ofDay - ms) / 1000;
  const time = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}${ms === 0 ? '' : `.${pad(ms, 3)}`}Z`;
}
