import type { DateTimeTimeZone, ScheduleInformation } from './getSchedule';
import { toDateTimeTimeZone } from './getSchedule';
import { SchedulingError } from './errors';
import { parseInstant } from './intervals';

/** Graph's limits: `getSchedule` takes at most 20 schedules, `$batch` at most 20 requests. */
export const maxSchedulesPerGetSchedule = 20;
export const maxRequestsPerBatch = 20;

export interface GetScheduleBody {
  schedules: string[];
  startTime: DateTimeTimeZone;
  endTime: DateTimeTimeZone;
  availabilityViewInterval: number;
}

export interface GetScheduleBatchStep {
  id: string;
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: GetScheduleBody;
}

/** The JSON body of one `POST /$batch`. */
export interface BatchRequestBody {
  requests: GetScheduleBatchStep[];
}

/** One entry of a `$batch` response's `responses`. */
export interface BatchResponseStep {
  id: string;
  status: number;
  headers?: Record<string, string> | null;
  body?: unknown;
}

export interface GetSchedulePlanInput {
  /** E-mail addresses of people and rooms; repeats (ignoring case) are asked once. */
  schedules: readonly string[];
  /** ISO instants with offsets, [from, to). */
  from: string;
  to: string;
  /** Whose calendar endpoint to call: a user id or UPN; omitted means `/me` (delegated). */
  userId?: string;
  /** Minutes per availabilityView digit; Graph's default is 30. */
  availabilityViewInterval?: number;
}

/** Splits items into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new SchedulingError('invalid-option', `Chunk size must be a positive whole number, not ${size}.`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * The `$batch` bodies that fetch free/busy for every schedule: getSchedule calls of at most 20
 * schedules, at most 20 calls a batch, times in UTC both ways. 2 people and 40 rooms make one
 * batch of 3 calls, so one round trip. Step ids are `getSchedule-1`, `getSchedule-2`, ...
 */
export function planGetScheduleBatches(input: GetSchedulePlanInput): BatchRequestBody[] {
  const from = parseInstant(input.from);
  const to = parseInstant(input.to);
  if (to <= from) throw new SchedulingError('invalid-window', 'The free/busy window must end after it starts.');
  const seen = new Set<string>();
  const schedules = input.schedules.filter((s) => {
    const key = s.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const url = input.userId ? `/users/${encodeURIComponent(input.userId)}/calendar/getSchedule` : '/me/calendar/getSchedule';
  const steps = chunk(schedules, maxSchedulesPerGetSchedule).map(
    (group, index): GetScheduleBatchStep => ({
      id: `getSchedule-${index + 1}`,
      method: 'POST',
      url,
      headers: { 'Content-Type': 'application/json', Prefer: 'outlook.timezone="UTC"' },
      body: {
        schedules: group,
        startTime: toDateTimeTimeZone(from),
        endTime: toDateTimeTimeZone(to),
        availabilityViewInterval: input.availabilityViewInterval ?? 30,
      },
    }),
  );
  return chunk(steps, maxRequestsPerBatch).map((requests) => ({ requests }));
}

export interface CollectedSchedules {
  schedules: ScheduleInformation[];
  /** Steps to send again (429, 5xx, ...), with Graph's Retry-After in seconds when it gave one. */
  failed: { id: string; status: number; retryAfterSeconds: number | null }[];
}

/** The getSchedule entries from `$batch` responses, and the steps that failed. */
export function collectScheduleResponses(responses: readonly BatchResponseStep[]): CollectedSchedules {
  const collected: CollectedSchedules = { schedules: [], failed: [] };
  for (const step of [...responses].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))) {
    const value = (step.body as { value?: unknown } | null | undefined)?.value;
    if (step.status >= 200 && step.status < 300 && Array.isArray(value)) {
      collected.schedules.push(...(value as ScheduleInformation[]));
      continue;
    }
    const retryAfter = Object.entries(step.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
    const seconds = retryAfter === undefined ? NaN : Number(retryAfter);
    collected.failed.push({ id: step.id, status: step.status, retryAfterSeconds: Number.isFinite(seconds) ? seconds : null });
  }
  return collected;
}
