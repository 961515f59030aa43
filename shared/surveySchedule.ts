import { DateTime } from 'luxon';
import { defaultSurveySchedule, surveyScheduleSchema } from './schemas/programme';
import type { ScheduledSurveyKind } from './schemas/survey';


/** A programme's survey schedule from its stored details, its default when it has none (or a malformed one). */
export const surveyScheduleOf = (details: Record<string, unknown>) => surveyScheduleSchema.safeParse(details.surveySchedule ?? defaultSurveySchedule).data ?? defaultSurveySchedule;

export interface SurveyDue {
  kind: ScheduledSurveyKind;
  /** ISO instant (UTC) from which the survey is open. */
  dueAt: string;
}

/**
 * The surveys of one pair that are due by `now`: pairing fit an hour after the first session ended,
 * mid-point half way through the relationship, end a week before it ends; each only when the
 * programme's schedule asks for it. Times are ISO instants; nothing here reads the clock.
 */
export function surveysDue(input: {
  schedule: { pairingFitAfterFirstSession: boolean; midPoint: boolean; end: boolean };
  relationshipMonths: number;
  /** When the relationship started (both signed the charter); null before. */
  startedAt: string | null;
  /** When the pair's first (not cancelled) session ended; null before. */
  firstSessionEndedAt: string | null;
  now: string;
}): SurveyDue[] {
  const now = DateTime.fromISO(input.now, { zone: 'utc' });
  const candidates: { kind: ScheduledSurveyKind; wanted: boolean; at: DateTime | null }[] = [];
  const firstEnd = input.firstSessionEndedAt === null ? null : DateTime.fromISO(input.firstSessionEndedAt, { zone: 'utc' });
  candidates.push({ kind: 'pairing-fit', wanted: input.schedule.pairingFitAfterFirstSession, at: firstEnd?.plus({ hours: 1 }) ?? null });
  const started = input.startedAt === null ? null : DateTime.fromISO(input.startedAt, { zone: 'utc' });
  // Half of the relationship in days (an average month is 30.44 days), so the mid-point does not drift with month lengths.
  candidates.push({ kind: 'mid-point', wanted: input.schedule.midPoint, at: started?.plus({ days: Math.round((input.relationshipMonths * 30.44) / 2) }) ?? null });
  candidates.push({ kind: 'end', wanted: input.schedule.end, at: started?.plus({ months: input.relationshipMonths }).minus({ weeks: 1 }) ?? null });
  return candidates.flatMap(({ kind, wanted, at }) => (wanted && at !== null && at <= now ? [{ kind, dueAt: at.toISO()! }] : []));
}
