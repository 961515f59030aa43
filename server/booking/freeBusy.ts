import {
  type BatchResponseStep,
  type BusyInterval,
  collectScheduleResponses,
  parseScheduleInformation,
  planGetScheduleBatches,
  type WorkingHours,
} from '../../shared/scheduling';
import type { GraphSession } from '../graph/graphGateway';
import { ApiError } from '../http/errors';

export interface FreeBusy {
  /** Busy time by schedule address (lower case); null when Graph could not read that calendar. */
  busy: Map<string, BusyInterval[] | null>;
  /** Working hours by schedule address, as Graph returns them with free/busy (people only). */
  workingHours: Map<string, WorkingHours>;
}

/**
 * Free/busy of people and rooms in one `$batch` round trip: getSchedule calls of at most 20
 * schedules, sent together (2 people and 40 rooms: three calls, one batch). Steps throttled
 * inside the batch are sent again after their Retry-After (the gateway does that); a step that
 * still fails makes the whole answer unavailable rather than silently partial.
 */
export async function readFreeBusy(graph: GraphSession, props: { calendarUserId: string; schedules: readonly string[]; from: string; to: string }): Promise<FreeBusy> {
  const batches = planGetScheduleBatches({ schedules: props.schedules, from: props.from, to: props.to, userId: props.calendarUserId });
  const steps = batches.flatMap((b) => b.requests);
  const outcomes = await graph.batch(steps.map((s) => ({ id: s.id, path: s.url, method: s.method, headers: s.headers, body: s.body })));
  const responses: BatchResponseStep[] = steps.map((s) => ({ id: s.id, status: 424, ...outcomes.get(s.id) }));
  const collected = collectScheduleResponses(responses);
  if (collected.failed.length > 0) {
    throw new ApiError('upstreamUnavailable', `Microsoft 365 did not return free/busy (${collected.failed.map((f) => f.status).join(', ')}); try again in a minute.`);
  }
  const request = steps[0]!.body;
  const busy = new Map<string, BusyInterval[] | null>();
  const workingHours = new Map<string, WorkingHours>();
  for (const info of collected.schedules) {
    const key = info.scheduleId.toLowerCase();
    const parsed = parseScheduleInformation(info, request);
    busy.set(key, parsed.readable ? parsed.busy : null);
    if (info.workingHours) workingHours.set(key, info.workingHours);
  }
  return { busy, workingHours };
}

/** Free/busy of a few schedules in one direct getSchedule call: the last look before booking. */
export async function recheckFreeBusy(graph: GraphSession, props: { calendarUserId: string; schedules: readonly string[]; from: string; to: string }): Promise<FreeBusy['busy']> {
  const step = planGetScheduleBatches({ schedules: props.schedules, from: props.from, to: props.to, userId: props.calendarUserId })[0]!.requests[0]!;
  const answer = await graph.send<{ value?: Parameters<typeof parseScheduleInformation>[0][] }>('POST', step.url, step.body, step.headers);
  const busy = new Map<string, BusyInterval[] | null>();
  for (const info of answer.value ?? []) {
    const parsed = parseScheduleInformation(info, step.body);
    busy.set(info.scheduleId.toLowerCase(), parsed.readable ? parsed.busy : null);
  }
  return busy;
}
