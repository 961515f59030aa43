import type { PairBlockCode } from '../pairingRules';
import { ruleTopics, type RuleTopic, type UnmatchedReason } from './reasons';
import type { MatchCandidate, Unmatched } from './types';

interface Outcome {
  mentors: readonly MatchCandidate[];
  mentees: readonly MatchCandidate[];
  /** Mentor index of each mentee, or -1. */
  mentorOf: Int32Array;
  /** Mentees each mentor got. */
  taken: Int32Array;
  capacity: Int32Array;
  eligibleMentors: Int32Array;
  eligibleMentees: Int32Array;
  blocks: (mentorIndex: number, menteeIndex: number) => PairBlockCode[];
}

/**
 * Why each unmatched person is unmatched. The reasons speak of rules and places, never of
 * people: no manager is named and nobody learns whose chain anyone is in.
 */
export function explainUnmatched(outcome: Outcome): Unmatched[] {
  const { mentors, mentees, mentorOf, taken, capacity, eligibleMentors, eligibleMentees, blocks } = outcome;
  const unmatched: Unmatched[] = [];

  mentees.forEach((mentee, j) => {
    if (mentorOf[j] !== -1) return;
    const participantId = mentee.participant.id;
    const eligible = eligibleMentors[j]!;
    if (eligible === 0) {
      const ruledOutBy = tally(mentors.length, (i) => blocks(i, j));
      unmatched.push({ participantId, role: 'mentee', code: 'no-eligible-partner', reason: noneEligible('mentor', ruledOutBy), ruledOutBy });
    } else {
      unmatched.push({
        participantId,
        role: 'mentee',
        code: 'capacity-taken',
        reason: { code: 'capacityTaken', values: { eligible } },
        ruledOutBy: [],
      });
    }
  });

  mentors.forEach((mentor, i) => {
    if (taken[i]! > 0) return;
    const participantId = mentor.participant.id;
    const eligible = eligibleMentees[i]!;
    if (capacity[i] === 0) {
      unmatched.push({ participantId, role: 'mentor', code: 'no-capacity', reason: { code: 'noCapacity' }, ruledOutBy: [] });
    } else if (eligible === 0) {
      const ruledOutBy = tally(mentees.length, (j) => blocks(i, j));
      unmatched.push({ participantId, role: 'mentor', code: 'no-eligible-partner', reason: noneEligible('mentee', ruledOutBy), ruledOutBy });
    } else {
      unmatched.push({
        participantId,
        role: 'mentor',
        code: 'better-elsewhere',
        reason: { code: 'betterElsewhere', values: { eligible } },
        ruledOutBy: [],
      });
    }
  });
  return unmatched;
}

/** Distinct blocking codes over one person's candidates, most frequent first. */
function tally(count: number, codesFor: (k: number) => PairBlockCode[]): PairBlockCode[] {
  const counts = new Map<PairBlockCode, number>();
  for (let k = 0; k < count; k++) for (const code of codesFor(k)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

const isTopic = (code: PairBlockCode): code is RuleTopic => (ruleTopics as readonly PairBlockCode[]).includes(code);

function noneEligible(partner: 'mentor' | 'mentee', ruledOutBy: PairBlockCode[]): UnmatchedReason {
  if (ruledOutBy.length === 0) return { code: 'noPartnerEnrolled', values: { partner } };
  return { code: 'noneEligible', values: { partner, topics: ruledOutBy.filter(isTopic) } };
}
