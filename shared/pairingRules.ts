import type { ReportingChain, Role } from './glossary';
import { directManagerId, isInChainOf } from './reportingChain';

export type PairBlockCode =
  | 'same-person'
  | 'role-mismatch'
  | 'chain-unknown'
  | 'same-chain'
  | 'same-manager'
  | 'seniority-unknown'
  | 'mentor-not-junior'
  | 'gap-too-small'
  | 'already-paired'
  | 'admin-block';

export interface PairBlock {
  code: PairBlockCode;
  /** Safe to show to an admin; never names anyone's manager. */
  message: string;
}

export type PairingVerdict = { allowed: true } | { allowed: false; reasons: PairBlock[] };

export interface PairCandidate {
  userId: string;
  role: Role;
  /** Higher means more senior; null when unknown. */
  seniority: number | null;
}

export interface PairingPolicy {
  minSeniorityGap: number;
  /** Keys from `pairKey` of pairs these two already had, in this or an earlier programme. */
  earlierPairs: ReadonlySet<string>;
  /** Keys from `pairKey` an admin has blocked. */
  adminBlocks: ReadonlySet<string>;
}

export type ChainLookup = (userId: string) => ReportingChain | undefined;

/** An order-independent key for two people. */
export function pairKey(userA: string, userB: string): string {
  return userA < userB ? `${userA}|${userB}` : `${userB}|${userA}`;
}

const messages: Record<PairBlockCode, string> = {
  'same-person': 'A person cannot be paired with themself.',
  'role-mismatch': 'A pair needs one mentor (the junior colleague) and one mentee (the senior leader).',
  'chain-unknown': 'The reporting line of one of them is not known yet; sync the directory and try again.',
  'same-chain': 'They are in the same management chain, so honest feedback would be difficult.',
  'same-manager': 'They report to the same manager.',
  'seniority-unknown': 'The seniority of one of them is not known, so the seniority gap cannot be checked.',
  'mentor-not-junior': 'The mentor must be junior to the mentee.',
  'gap-too-small': 'The seniority gap is smaller than the programme asks for.',
  'already-paired': 'They have already been paired before.',
  'admin-block': 'A programme admin has blocked this pairing.',
};

function block(code: PairBlockCode): PairBlock {
  return { code, message: messages[code] };
}

/**
 * The seniority rule on its own: the mentor must be junior to the mentee by at least the gap the
 * programme asks for. Exported so the bulk screen applies exactly the rule `canPair` applies.
 */
export function seniorityBlock(
  mentorSeniority: number | null,
  menteeSeniority: number | null,
  minSeniorityGap: number,
): 'seniority-unknown' | 'mentor-not-junior' | 'gap-too-small' | null {
  if (mentorSeniority === null || menteeSeniority === null) return 'seniority-unknown';
  const gap = menteeSeniority - mentorSeniority;
  if (gap <= 0) return 'mentor-not-junior';
  return gap < minSeniorityGap ? 'gap-too-small' : null;
}

/**
 * Whether a mentor and a mentee may be paired, and if not, every reason why. The management
 * chain is checked in both directions, so neither may sit anywhere above the other.
 */
export function canPair(
  mentor: PairCandidate,
  mentee: PairCandidate,
  chains: ChainLookup,
  policy: PairingPolicy,
): PairingVerdict {
  if (mentor.userId === mentee.userId) return { allowed: false, reasons: [block('same-person')] };
  const reasons: PairBlock[] = [];
  if (mentor.role !== 'mentor' || mentee.role !== 'mentee') reasons.push(block('role-mismatch'));

  const mentorChain = chains(mentor.userId);
  const menteeChain = chains(mentee.userId);
  if (!mentorChain || !menteeChain) {
    reasons.push(block('chain-unknown'));
  } else {
    if (isInChainOf(mentorChain, mentee.userId) || isInChainOf(menteeChain, mentor.userId)) {
      reasons.push(block('same-chain'));
    }
    const mentorManager = directManagerId(mentorChain);
    if (mentorManager !== null && mentorManager === directManagerId(menteeChain)) {
      reasons.push(block('same-manager'));
    }
  }

  const seniority = seniorityBlock(mentor.seniority, mentee.seniority, policy.minSeniorityGap);
  if (seniority !== null) reasons.push(block(seniority));

  const key = pairKey(mentor.userId, mentee.userId);
  if (policy.earlierPairs.has(key)) reasons.push(block('already-paired'));
  if (policy.adminBlocks.has(key)) reasons.push(block('admin-block'));

  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}
