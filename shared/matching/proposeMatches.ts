import type { PairBlockCode, PairCandidate } from '../pairingRules';
import { maxScoreAssignment } from './assignment';
import { createBulkScorer } from './bulkScore';
import { explainUnmatched } from './explain';
import { createPairScreen } from './pairScreen';
import { defaultScoreWeights, featurePoints, pairFeatures, pairReasons, scoringProfile } from './score';
import type { MatchInput, MatchResult, PinIssue, ProposedPair, ScoreWeights } from './types';

/**
 * Proposes the pairs with the maximum total score the pairing rules allow.
 *
 * Pins that the rules allow are fixed first. The rest is a b-matching: mentees against mentors
 * with their remaining capacity, score 0 for a forbidden pair (every allowed pair scores at least
 * `weights.eligible` > 0), solved exactly with a proof of optimality by `maxScoreAssignment`.
 */
export function proposeMatches(input: MatchInput): MatchResult {
  const weights = input.weights ?? defaultScoreWeights;
  assertValidWeights(weights);
  const { mentors, mentees } = input;
  const toCandidate = (c: MatchInput['mentors'][number]): PairCandidate => ({
    userId: c.participant.userId,
    role: c.participant.role,
    seniority: c.seniority,
  });
  const screen = createPairScreen(mentors.map(toCandidate), mentees.map(toCandidate), input.chains, input.policy);
  const mentorProfiles = mentors.map(scoringProfile);
  const menteeProfiles = mentees.map(scoringProfile);
  const scorer = createBulkScorer(
    mentorProfiles,
    mentors.map((m) => m.seniority),
    menteeProfiles,
    mentees.map((m) => m.seniority),
    weights,
  );

  const capacity = Int32Array.from(mentors, (m) => Math.max(0, Math.floor(m.participant.capacity)));
  const mentorOf = new Int32Array(mentees.length).fill(-1);
  const pinned = new Uint8Array(mentees.length);
  const pinIssues = applyPins(input, screen, capacity, mentorOf, pinned);

  // Rows are the mentees still to be matched, columns the mentors; a seeded shuffle of both makes
  // the solver pick among equally good answers at random.
  const rowMentee: number[] = [];
  for (let j = 0; j < mentees.length; j++) if (pinned[j] === 0) rowMentee.push(j);
  const colMentor = mentors.map((_, i) => i);
  if (input.random) {
    shuffle(rowMentee, input.random);
    shuffle(colMentor, input.random);
  }
  const rowOf = new Int32Array(mentees.length).fill(-1);
  rowMentee.forEach((j, r) => (rowOf[j] = r));

  // Screen and score every row once, straight into the score matrix (0 = forbidden).
  const cols = mentors.length;
  const matrix = new Int32Array(rowMentee.length * cols);
  const allowed = new Uint8Array(cols);
  const scores = new Int32Array(cols);
  const eligibleMentors = new Int32Array(mentees.length);
  const eligibleMentees = new Int32Array(cols);
  for (let j = 0; j < mentees.length; j++) {
    screen.screenRow(j, allowed);
    for (let i = 0; i < cols; i++) {
      if (allowed[i] !== 1) continue;
      eligibleMentors[j]!++;
      eligibleMentees[i]!++;
    }
    const r = rowOf[j]!;
    if (r === -1) continue;
    const row = matrix.subarray(r * cols, (r + 1) * cols);
    if (input.random) {
      scorer.scoreRow(j, allowed, scores);
      for (let c = 0; c < cols; c++) row[c] = scores[colMentor[c]!]!;
    } else {
      scorer.scoreRow(j, allowed, row);
    }
  }
  const { colOf } = maxScoreAssignment(rowMentee.length, cols, matrix, Int32Array.from(colMentor, (i) => capacity[i]!));
  colOf.forEach((c, r) => {
    if (c !== -1) mentorOf[rowMentee[r]!] = colMentor[c]!;
  });

  const proposals: ProposedPair[] = [];
  let totalScore = 0;
  const taken = new Int32Array(mentors.length);
  for (let j = 0; j < mentees.length; j++) {
    const i = mentorOf[j]!;
    if (i === -1) continue;
    taken[i]!++;
    const features = pairFeatures(mentorProfiles[i]!, mentors[i]!.seniority ?? 0, menteeProfiles[j]!, mentees[j]!.seniority ?? 0);
    const score = featurePoints(features, weights);
    totalScore += score;
    proposals.push({
      mentorId: mentors[i]!.participant.id,
      menteeId: mentees[j]!.participant.id,
      score,
      reasons: pairReasons(features, weights),
      pinned: pinned[j] === 1,
    });
  }

  const unmatched = explainUnmatched({
    mentors,
    mentees,
    mentorOf,
    taken,
    capacity: Int32Array.from(mentors, (m) => Math.max(0, Math.floor(m.participant.capacity))),
    eligibleMentors,
    eligibleMentees,
    blocks: (i: number, j: number): PairBlockCode[] => screen.blocks(i, j),
  });
  return { proposals, unmatched, pinIssues, totalScore };
}

function applyPins(
  input: MatchInput,
  screen: ReturnType<typeof createPairScreen>,
  capacity: Int32Array,
  mentorOf: Int32Array,
  pinned: Uint8Array,
): PinIssue[] {
  const mentorIndex = new Map(input.mentors.map((m, i) => [m.participant.id, i]));
  const menteeIndex = new Map(input.mentees.map((m, j) => [m.participant.id, j]));
  const issues: PinIssue[] = [];
  for (const pin of input.pins ?? []) {
    const i = mentorIndex.get(pin.mentorId);
    const j = menteeIndex.get(pin.menteeId);
    if (i === undefined || j === undefined) {
      issues.push({ pin, code: 'unknown-participant', message: pinMessages['unknown-participant'], blockedBy: [] });
      continue;
    }
    const verdict = screen.verdict(i, j);
    if (!verdict.allowed) {
      issues.push({
        pin,
        code: 'not-allowed',
        message: `${pinMessages['not-allowed']} ${verdict.reasons.map((r) => r.message).join(' ')}`,
        blockedBy: verdict.reasons.map((r) => r.code),
      });
    } else if (pinned[j] === 1) {
      issues.push({ pin, code: 'mentee-already-pinned', message: pinMessages['mentee-already-pinned'], blockedBy: [] });
    } else if (capacity[i]! <= 0) {
      issues.push({ pin, code: 'over-capacity', message: pinMessages['over-capacity'], blockedBy: [] });
    } else {
      pinned[j] = 1;
      mentorOf[j] = i;
      capacity[i]!--;
    }
  }
  return issues;
}

const pinMessages = {
  'unknown-participant': 'This pin names someone who is not enrolled in the programme with that role.',
  'not-allowed': 'This pin cannot be honoured because the pairing rules forbid the pair.',
  'mentee-already-pinned': 'The mentee is already pinned to another mentor; only the first pin is kept.',
  'over-capacity': 'The mentor has no place left for this pin: earlier pins fill their capacity.',
} as const;

function assertValidWeights(weights: ScoreWeights): void {
  for (const [name, value] of Object.entries(weights)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`Score weight ${name} must be a whole number >= 0.`);
  }
  if (weights.eligible < 1) throw new RangeError('Score weight eligible must be at least 1, so any allowed pair beats none.');
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let k = items.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [items[k], items[r]] = [items[r]!, items[k]!];
  }
}
