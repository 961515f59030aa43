import type { MatchInput } from '../../shared/matching';
import { screenAndScore } from './screening';

/** The obvious alternative: take the best-scoring allowed pair left, repeatedly (no pins). */
export function greedyTotalScore(input: MatchInput): number {
  const { screen, scorer } = screenAndScore(input);
  // Bucket the allowed pairs by score (scores are small integers), best bucket first.
  const buckets: number[][] = [];
  const allowed = new Uint8Array(input.mentors.length);
  const scores = new Int32Array(input.mentors.length);
  for (let j = 0; j < input.mentees.length; j++) {
    screen.screenRow(j, allowed);
    scorer.scoreRow(j, allowed, scores);
    for (let i = 0; i < input.mentors.length; i++) if (allowed[i] === 1) (buckets[scores[i]!] ??= []).push(j, i);
  }
  const left = Int32Array.from(input.mentors, (m) => Math.max(0, Math.floor(m.participant.capacity)));
  const matched = new Uint8Array(input.mentees.length);
  let total = 0;
  for (let score = buckets.length - 1; score > 0; score--) {
    const pairs = buckets[score] ?? [];
    for (let k = 0; k < pairs.length; k += 2) {
      const j = pairs[k]!;
      const i = pairs[k + 1]!;
      if (matched[j] === 1 || left[i] === 0) continue;
      matched[j] = 1;
      left[i]!--;
      total += score;
    }
  }
  return total;
}
