import { DateTime } from 'luxon';
import type { PairStatus } from './glossary';

/** What may need an admin's attention about a pair; never anything the pair wrote. */
export const pairFlags = ['no-recent-session', 'ineligible', 'repair-requested', 'charter-stalled'] as const;
export type PairFlag = (typeof pairFlags)[number];

/** Days after its start (the programme's, or the pair's proposal when later) that an unsigned charter counts as stalled. */
export const stalledCharterDays = 14;
/** The slack after the programme's cadence before a pair without a session is flagged. */
const graceDays = 7;
const day = 86_400_000;
const millis = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();

export interface PairHealthInput {
  status: PairStatus;
  /** When the pair was proposed, and when it became active (null before). ISO instants. */
  proposedAt: string;
  startedAt: string | null;
  /** The programme's first day (ISO date). */
  programmeStartsOn: string;
  cadenceDays: number;
  /** The latest session that has started and the next one booked (not cancelled), ISO instants. */
  lastSessionAt: string | null;
  nextSessionAt: string | null;
  /** A reorganisation put one of the two into the other's reporting line. */
  ineligible: boolean;
  /** A no-fault re-pair request nobody has closed yet. */
  repairRequested: boolean;
  now: string;
}

/**
 * The health flags of one pair: an active pair with no session within the cadence plus a week and
 * none booked; a live pair a reorganisation made ineligible; an open re-pair request; a charter
 * still unsigned two weeks after the start.
 */
export function pairHealth(input: PairHealthInput): PairFlag[] {
  const now = millis(input.now);
  const live = input.status !== 'ended';
  const flags: PairFlag[] = [];
  if (input.status === 'active' && input.nextSessionAt === null) {
    const since = millis(input.lastSessionAt ?? input.startedAt ?? input.proposedAt);
    if (now - since > (input.cadenceDays + graceDays) * day) flags.push('no-recent-session');
  }
  if (live && input.ineligible) flags.push('ineligible');
  if (input.repairRequested) flags.push('repair-requested');
  if (input.status === 'proposed' || input.status === 'accepted') {
    const start = Math.max(millis(input.programmeStartsOn), millis(input.proposedAt));
    if (now - start > stalledCharterDays * day) flags.push('charter-stalled');
  }
  return flags;
}
