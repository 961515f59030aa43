import type { PairStatus } from '../glossary';
import type { PairEndReason } from '../pairLifecycle';
import type { PairFlag } from '../pairHealth';

/** A step in a pair's life as the admins read it: what changed, when, and whether an admin did it. */
export interface PairHistoryEntry {
  at: string;
  change: 'proposed' | 'accepted' | 'started' | 'paused' | 'resumed' | 'ended' | 'ineligible';
  endReason: PairEndReason | null;
  byAdmin: boolean;
}

/**
 * One pair on the admins' board: names, status, counts and dates, never anything the two wrote
 * (no journal, agenda, take-away, concern text or survey answer).
 */
export interface PairBoardRow {
  id: string;
  status: PairStatus;
  /** When the pair entered its current status. */
  since: string;
  endReason: PairEndReason | null;
  mentor: { name: string; department: string | null };
  mentee: { name: string; department: string | null };
  sessionsHeld: number;
  lastSessionAt: string | null;
  nextSessionAt: string | null;
  /** Answers from the two people to the surveys due so far (two a survey). */
  surveys: { answered: number; due: number };
  flags: PairFlag[];
  history: PairHistoryEntry[];
  /** What the pair's lifecycle lets an admin do now. */
  abilities: { pause: boolean; resume: boolean; end: boolean; repair: boolean };
}

/** GET /api/programmes/:id/pairs */
export interface PairBoard {
  pairs: PairBoardRow[];
}
