import { canPair, type PairCandidate } from '../../pairingRules';
import { scorePair } from '../score';
import type { MatchCandidate, MatchInput } from '../types';
import { maxScoreByMinCostFlow, type WeightedEdge } from './minCostFlow';

const asCandidate = (c: MatchCandidate): PairCandidate => ({
  userId: c.participant.userId,
  role: c.participant.role,
  seniority: c.seniority,
});

/** Every allowed pair with its score, straight from `canPair` and `scorePair` (the slow, obvious path). */
export function allowedEdges(input: Pick<MatchInput, 'mentors' | 'mentees' | 'chains' | 'policy' | 'weights'>): WeightedEdge[] {
  const edges: WeightedEdge[] = [];
  const mentors = input.mentors.map(asCandidate);
  input.mentees.forEach((menteeCandidate, j) => {
    const mentee = asCandidate(menteeCandidate);
    mentors.forEach((mentor, i) => {
      if (canPair(mentor, mentee, input.chains, input.policy).allowed) {
        edges.push({ mentee: j, mentor: i, score: scorePair(input.mentors[i]!, menteeCandidate, input.weights).score });
      }
    });
  });
  return edges;
}

/** The best total score without pins, by the independent min-cost-flow solver. */
export function referenceTotalScore(input: MatchInput, edges = allowedEdges(input)): number {
  const capacity = input.mentors.map((m) => Math.max(0, Math.floor(m.participant.capacity)));
  return maxScoreByMinCostFlow(input.mentees.length, capacity, edges).totalScore;
}
