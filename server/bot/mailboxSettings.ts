import type { WorkingHours } from '../../shared/scheduling';
import { toIanaZone } from '../../shared/scheduling';
import type { GraphGateway } from '../graph/graphGateway';

export interface PersonHours {
  /** IANA zone. */
  timeZone: string;
  workingHours: WorkingHours | null;
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
      const zoneName = settings.workingHours?.timeZone?.name ?? settings.timeZone ?? 'UTC';
      value = { timeZone: toIanaZone(zoneName), workingHours: settings.workingHours ?? null };
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
