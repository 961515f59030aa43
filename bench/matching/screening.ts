import { defaultScoreWeights, type MatchInput } from '../../shared/matching';
import { createBulkScorer } from '../../shared/matching/bulkScore';
import { createPairScreen } from '../../shared/matching/pairScreen';
import { scoringProfile } from '../../shared/matching/score';

/** The engine's own screening and scoring of an input, for the benchmark's comparison matchers. */
export function screenAndScore(input: MatchInput) {
  const asCandidate = (c: MatchInput['mentors'][number]) => ({ userId: c.participant.userId, role: c.participant.role, seniority: c.seniority });
  const screen = createPairScreen(input.mentors.map(asCandidate), input.mentees.map(asCandidate), input.chains, input.policy);
  const scorer = createBulkScorer(
    input.mentors.map(scoringProfile),
    input.mentors.map((m) => m.seniority),
    input.mentees.map(scoringProfile),
    input.mentees.map((m) => m.seniority),
    input.weights ?? defaultScoreWeights,
  );
  return { screen, scorer };
}
