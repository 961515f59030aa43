import munkres from 'munkres';
import { defaultScoreWeights, type MatchInput } from '../../shared/matching';
import { createBulkScorer } from '../../shared/matching/bulkScore';
import { createPairScreen } from '../../shared/matching/pairScreen';
import { scoringProfile } from '../../shared/matching/score';

/**
 * The best total by the Hungarian algorithm (`munkres`, the engine's former core, independent of
 * its solver): mentees x mentor places (capacity k = k identical columns), cost = -score for an
 * allowed pair and 0 for a forbidden one, which is what leaving both unmatched is worth. It uses
 * the engine's screening and scoring, which the tests check against `canPair` and `scorePair`,
 * so it is fast enough to check the solver at 5,000 a side (no pins).
 */
export function munkresTotalScore(input: MatchInput): number {
  const asCandidate = (c: MatchInput['mentors'][number]) => ({ userId: c.participant.userId, role: c.participant.role, seniority: c.seniority });
  const screen = createPairScreen(input.mentors.map(asCandidate), input.mentees.map(asCandidate), input.chains, input.policy);
  const scorer = createBulkScorer(
    input.mentors.map(scoringProfile),
    input.mentors.map((m) => m.seniority),
    input.mentees.map(scoringProfile),
    input.mentees.map((m) => m.seniority),
    input.weights ?? defaultScoreWeights,
  );
  const slots: number[] = [];
  input.mentors.forEach((m, i) => {
    for (let k = Math.max(0, Math.floor(m.participant.capacity)); k > 0; k--) slots.push(i);
  });
  if (slots.length === 0 || input.mentees.length === 0) return 0;
  const allowed = new Uint8Array(input.mentors.length);
  const scores = new Int32Array(input.mentors.length);
  const costs = input.mentees.map((_, j) => {
    screen.screenRow(j, allowed);
    scorer.scoreRow(j, allowed, scores);
    return Int32Array.from(slots, (i) => -scores[i]!);
  });
  return munkres(costs).reduce((total, [r, s]) => total - costs[r]![s]!, 0);
}
