import type { Participant } from '../glossary';
import type { ChainLookup, PairBlockCode, PairingPolicy } from '../pairingRules';
import type { PairReason, UnmatchedReason } from './reasons';

/** Facts about a person that come from Entra ID, never from a form. */
export interface DirectoryFacts {
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  city: string | null;
  /** Graph's `preferredLanguage`, such as "en-GB"; counted as one of the person's languages. */
  preferredLanguage: string | null;
}

/** One enrolled person as the engine sees them: their profile, directory facts and seniority. */
export interface MatchCandidate {
  participant: Pick<
    Participant,
    'id' | 'userId' | 'role' | 'learningGoals' | 'offers' | 'meetingPreference' | 'languages' | 'capacity'
  >;
  directory: DirectoryFacts;
  /** From `seniorityOf` with the programme's seniority source; null when unknown. */
  seniority: number | null;
}

/** An admin's instruction that these two (participant ids) must be paired if the rules allow it. */
export interface MatchPin {
  mentorId: string;
  menteeId: string;
}

/** Points for each quality of a good reverse-mentoring pair. All are whole numbers. */
export interface ScoreWeights {
  /** Given to every eligible pair, so that pairing someone always beats leaving them unmatched. */
  eligible: number;
  /** Per learning goal of the mentee that the mentor offers, up to `maxGoalMatches`. */
  goalMatch: number;
  maxGoalMatches: number;
  differentDepartment: number;
  differentFunction: number;
  /** Per level of seniority gap beyond the first, up to `maxGapLevels`. */
  gapLevel: number;
  maxGapLevels: number;
  sharedLanguage: number;
  /** They can meet the way both prefer: online, or in person in the same place. */
  meetingFit: number;
}

export interface MatchInput {
  mentors: readonly MatchCandidate[];
  mentees: readonly MatchCandidate[];
  chains: ChainLookup;
  policy: PairingPolicy;
  pins?: readonly MatchPin[];
  weights?: ScoreWeights;
  /**
   * A seeded random source in [0, 1). When given, equally good answers are chosen among at random
   * (so a re-run can show an alternative); when absent, the result depends only on the input.
   */
  random?: () => number;
}

export interface ProposedPair {
  mentorId: string;
  menteeId: string;
  score: number;
  /** Why this pair scored well, as codes each reader's client words. */
  reasons: PairReason[];
  pinned: boolean;
}

export type UnmatchedCode = 'no-eligible-partner' | 'no-capacity' | 'capacity-taken' | 'better-elsewhere';

export interface Unmatched {
  participantId: string;
  role: 'mentor' | 'mentee';
  code: UnmatchedCode;
  /** Safe to show to the person and to an admin: never names anyone or says whose chain. */
  reason: UnmatchedReason;
  /**
   * For the admin only, when no partner was eligible: which rules ruled them out, most frequent
   * first. It may include reporting-line codes, so it is not for the person or their colleagues.
   */
  ruledOutBy: PairBlockCode[];
}

export type PinIssueCode = 'unknown-participant' | 'not-allowed' | 'mentee-already-pinned' | 'over-capacity';

export interface PinIssue {
  pin: MatchPin;
  code: PinIssueCode;
  message: string;
  /** For `not-allowed`: the pairing rules that block it (messages never name a manager). */
  blockedBy: PairBlockCode[];
}

export interface MatchResult {
  proposals: ProposedPair[];
  unmatched: Unmatched[];
  pinIssues: PinIssue[];
  totalScore: number;
}
