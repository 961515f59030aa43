import { IANAZone } from 'luxon';
import { findIana } from 'windows-iana';
import { SchedulingError } from './errors';

/** Zones already resolved: every busy item of a getSchedule answer names one, and checking a zone builds an Intl formatter. */
const resolved = new Map<string, string>();

/**
 * The IANA zone for a time zone name as Graph gives it: a Windows name ("W. Europe Standard
 * Time"), which is what mailboxSettings and dateTimeTimeZone usually carry, or already an IANA name.
 */
export function toIanaZone(name: string): string {
  const known = resolved.get(name);
  if (known !== undefined) return known;
  const zone = resolveZone(name);
  resolved.set(name, zone);
  return zone;
}

function resolveZone(name: string): string {
  const trimmed = name.trim();
  const fromWindows = findIana(trimmed).find((zone) => IANAZone.isValidZone(zone));
  if (fromWindows) return fromWindows;
  if (IANAZone.isValidZone(trimmed)) return trimmed;
  throw new SchedulingError(
    'unknown-time-zone',
    `Unknown time zone "${name}": pass a Windows time zone name (as in Graph mailboxSettings) or an IANA name. Custom time zones are not supported.`,
  );
}
