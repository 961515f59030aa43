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

/** A pair that a re-run leaves as it is: already published to its two people. */
export interface KeptPair {
  pairId: string;
  mentor: RunPerson;
  mentee: RunPerson;
  status: 'proposed' | 'accepted' | 'active' | 'paused';
}

/** Someone whose proposed partners a re-run changes: the names they would gain and lose. */
export interface PartnerChange {
  person: RunPerson;
  role: Role;
  gains: string[];
  loses: string[];
}

/**
 * POST /api/programmes/:id/matching/preview: what running the matching again would change,
 * against the published pairs (kept) and the draft under review. Nothing is written; `fingerprint`
 * names the inputs it was computed from, and applying refuses once they have changed.
 */
export interface MatchPreview {
  fingerprint: string;
  /** The draft run it is compared with; null when there is none (the last run was published). */
  draftRunId: string | null;
  kept: KeptPair[];
  /** Draft proposals the re-run proposes again. */
  stays: { mentor: RunPerson; mentee: RunPerson }[];
  changes: PartnerChange[];
  /** People in no pair and no draft proposal who would be proposed a partner. */
  newlyMatched: (RunPerson & { role: Role })[];
  unmatched: (RunPerson & { role: Role; code: string })[];
}
