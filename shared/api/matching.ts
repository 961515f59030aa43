import type { ShownPairReason, ShownUnmatchedReason } from '../matching/reasons';
import type { MatchPin, PinIssueCode } from '../matching/types';
import type { PairBlockCode } from '../pairingRules';
import type { Role } from '../glossary';

/** A person in a matching run, as the admin reviews it. */
export interface RunPerson {
  participantId: string;
  userId: string;
  displayName: string;
  department: string | null;
  jobTitle: string | null;
}

/** GET /api/programmes/:id/matching/runs/latest: proposals with reasons, the unmatched with why. */
export interface MatchRunView {
  id: string;
  programmeId: string;
  createdAt: string;
  publishedAt: string | null;
  totalScore: number;
  /** Reasons are codes with values, worded by the reader's client (decision 0071). */
  proposals: { mentor: RunPerson; mentee: RunPerson; score: number | null; reasons: ShownPairReason[]; pinned: boolean }[];
  /** `reason` is null when the stored one no longer parses (decision 0049). */
  unmatched: (RunPerson & { role: Role; code: string | null; reason: ShownUnmatchedReason | null })[];
}

/**
 * The rules an admin may see by name, and the one name for the rest. Reporting lines and
 * seniority answer together, so a pin cannot be used to ask "is one of these two in the other's
 * chain?" (decision 0038).
 */
export type AdminBlockCode = Exclude<PairBlockCode, 'same-chain' | 'same-manager' | 'seniority-unknown' | 'mentor-not-junior' | 'gap-too-small'> | 'directory-rules';

/** A pin the engine could not honour, as the admin sees it. */
export interface AdminPinIssue {
  pin: MatchPin;
  code: PinIssueCode;
  message: string;
  blockedBy: AdminBlockCode[];
}

/** POST /api/programmes/:id/matching/runs: the new run, and the pins it could not honour. */
export interface NewMatchRun extends MatchRunView {
  pinIssues: AdminPinIssue[];
}

/** A pairing an admin pinned or blocked. */
export interface MatchConstraintView {
  mentorUserId: string;
  menteeUserId: string;
  kind: 'block' | 'pin';
}

/** A block or pin as the admins read it: by the two people's names (their ids stay for removing it). */
export interface NamedMatchConstraint extends MatchConstraintView {
  mentorName: string;
  menteeName: string;
}

/** GET /api/programmes/:id/matching/constraints */
export interface MatchConstraintList {
  constraints: NamedMatchConstraint[];
}

/** POST /api/programmes/:id/matching/runs/:runId/publish: how many pairs were proposed to their people. */
export interface PublishedRun {
  published: number;
}
