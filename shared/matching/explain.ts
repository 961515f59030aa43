import type { PairBlockCode } from '../pairingRules';
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
 * Why each unmatched person is unmatched. The messages speak of rules and places, never of
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
      unmatched.push({ participantId, role: 'mentee', code: 'no-eligible-partner', message: noneEligible('mentor', ruledOutBy), ruledOutBy });
    } else {
      unmatched.push({
        participantId,
        role: 'mentee',
        code: 'capacity-taken',
        message: `Each of the ${plural(eligible, 'mentor')} the rules allow for you already has as many mentees as they can take, in the set of pairs with the best total for the programme.`,
        ruledOutBy: [],
      });
    }
  });

  mentors.forEach((mentor, i) => {
    if (taken[i]! > 0) return;
    const participantId = mentor.participant.id;
    const eligible = eligibleMentees[i]!;
    if (capacity[i] === 0) {
      unmatched.push({ participantId, role: 'mentor', code: 'no-capacity', message: 'The capacity is set to 0 mentees, so no mentee was proposed.', ruledOutBy: [] });
    } else if (eligible === 0) {
      const ruledOutBy = tally(mentees.length, (j) => blocks(i, j));
      unmatched.push({ participantId, role: 'mentor', code: 'no-eligible-partner', message: noneEligible('mentee', ruledOutBy), ruledOutBy });
    } else {
      unmatched.push({
        participantId,
        role: 'mentor',
        code: 'better-elsewhere',
        message: `Each of the ${plural(eligible, 'mentee')} the rules allow for you is paired with another mentor, which gives the programme a better total.`,
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

// Reporting lines are left out of the sentence: in a small programme, "ruled out by reporting
// lines" would tell a person that someone in their own chain has enrolled.
const ruleTopics: Record<PairBlockCode, string | null> = {
  'same-person': 'enrolment in both roles',
  'role-mismatch': 'enrolment in the wrong role',
  'chain-unknown': 'directory data still to be synchronised',
  'same-chain': null,
  'same-manager': null,
  'seniority-unknown': 'unknown seniority',
  'mentor-not-junior': 'seniority',
  'gap-too-small': 'the seniority gap the programme asks for',
  'already-paired': 'earlier pairings',
  'admin-block': 'pairings blocked by an admin',
};

function noneEligible(partner: 'mentor' | 'mentee', ruledOutBy: PairBlockCode[]): string {
  if (ruledOutBy.length === 0) return `No ${partner} is enrolled in the programme yet.`;
  const topics = [...new Set(ruledOutBy.map((code) => ruleTopics[code]).filter((t) => t !== null))];
  const detail = topics.length > 0 ? `, among them ${topics.join('; ')}` : '';
  return `No enrolled ${partner} is eligible under the pairing rules${detail}.`;
}

function plural(count: number, noun: string): string {
  return count === 1 ? `1 ${noun}` : `${count} ${noun}s`;
}
