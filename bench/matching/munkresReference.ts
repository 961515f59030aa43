import munkres from 'munkres';
import type { MatchInput } from '../../shared/matching';
import { screenAndScore } from './screening';

/**
 * The best total by the Hungarian algorithm (`munkres`, the engine's former core, independent of
 * its solver): mentees x mentor places (capacity k = k identical columns), cost = -score for an
 * allowed pair and 0 for a forbidden one, which is what leaving both unmatched is worth. It uses
 * the engine's screening and scoring, which the tests check against `canPair` and `scorePair`,
 * so it is fast enough to check the solver at 5,000 a side (no pins).
 */
export function munkresTotalScore(input: MatchInput): number {
  const { screen, scorer } = screenAndScore(input);
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
