import { DateTime } from 'luxon';

export interface RelationshipTimeline {
  programmeStartsOn: string;
  programmeEndsOn: string;
  /** When both signed the charter; null until then. */
  relationshipStartedAt: string | null;
  /** The start plus the programme's relationship length (typically 6 months). */
  relationshipEndsAt: string | null;
  relationshipMonths: number;
  phase: 'not-started' | 'running' | 'finished';
  /** The month of the relationship we are in, 1-based; null outside it. */
  currentMonth: number | null;
  /** Share of the relationship elapsed, 0 to 1. */
  progress: number;
}

/** Where a pair stands in its relationship, for the workspace's timeline; `now` is passed in. */
export function relationshipTimeline(input: {
  programmeStartsOn: string;
  programmeEndsOn: string;
  relationshipMonths: number;
  startedAt: string | null;
  endedAt: string | null;
  now: string;
}): RelationshipTimeline {
  const base = { programmeStartsOn: input.programmeStartsOn, programmeEndsOn: input.programmeEndsOn, relationshipMonths: input.relationshipMonths };
  if (input.startedAt === null) {
    return { ...base, relationshipStartedAt: null, relationshipEndsAt: null, phase: 'not-started', currentMonth: null, progress: 0 };
  }
  const start = DateTime.fromISO(input.startedAt, { zone: 'utc' });
  const end = start.plus({ months: input.relationshipMonths });
  const now = DateTime.fromISO(input.now, { zone: 'utc' });
  const stoppedAt = input.endedAt === null ? now : DateTime.min(now, DateTime.fromISO(input.endedAt, { zone: 'utc' }));
  const finished = input.endedAt !== null || stoppedAt >= end;
  const elapsed = Math.min(1, Math.max(0, stoppedAt.diff(start).toMillis() / end.diff(start).toMillis()));
  const monthsIn = Math.floor(stoppedAt.diff(start, 'months').months);
  return {
    ...base,
    relationshipStartedAt: start.toISO(),
    relationshipEndsAt: end.toISO(),
    phase: finished ? 'finished' : 'running',
    currentMonth: finished ? null : Math.min(input.relationshipMonths, Math.max(1, monthsIn + 1)),
    progress: Math.round(elapsed * 1000) / 1000,
  };
}
