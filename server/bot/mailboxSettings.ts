import { DateTime } from 'luxon';
import type { WorkingHours } from '../../shared/scheduling';
import { toIanaZone, zoneOf } from '../../shared/scheduling';
import type { GraphGateway } from '../graph/graphGateway';

export interface PersonHours {
  /** IANA zone. */
  timeZone: string;
  workingHours: WorkingHours | null;
}

function namedZone(name: string | null | undefined): string | undefined {
  try {
    return name ? toIanaZone(name) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The hours and display zone of one person's mailbox settings. Working hours in a custom time
 * zone keep their own rules (the send window applies them); messages name a zone Intl knows: a
 * named one when the mailbox has it, else the custom zone's offset now as `Etc/GMT±h`. Settings
 * no rule can read mean "any hour, in UTC" for this person only, never a failed job for everyone.
 */
export function personHours(settings: { timeZone?: string; workingHours?: WorkingHours }, now: Date): PersonHours {
  const hours = settings.workingHours;
  let workingHours: WorkingHours | null = null;
  let offsetZone: string | undefined;
  try {
    if (hours?.timeZone) {
      const zone = zoneOf(hours.timeZone);
      workingHours = hours;
      const offset = DateTime.fromJSDate(now, { zone }).offset;
      if (offset % 60 === 0) offsetZone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset / 60)}`;
    }
  } catch {
    workingHours = null;
  }
  const timeZone = namedZone(hours?.timeZone?.name) ?? namedZone(settings.timeZone) ?? offsetZone ?? 'UTC';
  return { timeZone, workingHours };
}

/**
 * Each person's working hours and time zone from their mailbox settings (Graph, app identity),
 * remembered for a while: reminders for many people must not cost a Graph call each.
 */
export function mailboxHours(graph: GraphGateway, clock: () => Date, ttlMs = 6 * 3_600_000) {
  const cache = new Map<string, { at: number; value: PersonHours }>();
  return async function hoursOf(tenantId: string, userId: string): Promise<PersonHours> {
    const key = `${tenantId}/${userId}`;
    const hit = cache.get(key);
    if (hit && clock().getTime() - hit.at < ttlMs) return hit.value;
    let value: PersonHours;
    try {
      const settings = await graph.forApp(tenantId).get<{ timeZone?: string; workingHours?: WorkingHours }>(`/users/${encodeURIComponent(userId)}/mailboxSettings`);
      value = personHours(settings, clock());
    } catch (error) {
      // A throttled or failing Graph is retried with the job, so nobody's hours are forgotten for
      // the cache's lifetime; only "no mailbox" or "no permission" means any hour in UTC.
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== 403 && status !== 404) throw error;
      value = { timeZone: 'UTC', workingHours: null };
    }
    cache.set(key, { at: clock().getTime(), value });
    return value;
  };
}

export type HoursOf = ReturnType<typeof mailboxHours>;
