import { DateTime, IANAZone } from 'luxon';
import { findIana } from 'windows-iana';
import { GraphError } from './graphError';

/** IANA zone for a Windows or IANA zone name (Graph accepts both), through the maintained mapping. */
export function ianaZoneOf(name: string): string {
  if (name === 'UTC' || name === 'Etc/UTC') return 'UTC';
  const mapped = findIana(name)?.[0];
  if (mapped) return mapped;
  if (IANAZone.isValidZone(name)) return name;
  throw new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`);
}

/** Graph's `Prefer: outlook.timezone="..."`, or UTC when absent. */
export function preferredTimeZone(prefer: string | undefined): string {
  const match = prefer?.match(/outlook\.timezone\s*=\s*"([^"]+)"/i);
  return match?.[1] ?? 'UTC';
}

/** Reads a Graph `dateTimeTimeZone` into an absolute instant. */
export function instantOf(value: { dateTime?: string | null; timeZone?: string | null } | null | undefined, field: string): DateTime {
  if (!value?.dateTime) throw new GraphError(400, 'ErrorInvalidRequest', `The property '${field}' is required.`);
  const parsed = DateTime.fromISO(value.dateTime, { zone: ianaZoneOf(value.timeZone ?? 'UTC') });
  if (!parsed.isValid) throw new GraphError(400, 'ErrorInvalidRequest', `The value of '${field}' is not a valid date and time.`);
  return parsed;
}

/** Writes an instant as Graph does: wall-clock time with seven fractional digits, plus the zone name asked for. */
export function toDateTimeTimeZone(instant: DateTime, zoneName: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${instant.setZone(ianaZoneOf(zoneName)).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}0000`, timeZone: zoneName };
}
