import munkres from 'munkres';
import type { PairBlockCode, PairCandidate } from '../pairingRules';
import { createBulkScorer } from './bulkScore';
import { explainUnmatched } from './explain';
import { createPairScreen } from './pairScreen';
import { defaultScoreWeights, featurePoints, pairFeatures, pairReasons, scoringProfile } from './score';
import type { MatchInput, MatchResult, PinIssue, ProposedPair, ScoreWeights } from './types';

/**
 * Proposes the pairs with the maximum total score the pairing rules allow.
 *
 * Pins that the rules allow are fixed first. The rest is an assignment problem: mentees against
 * mentor places (a mentor with capacity k has k identical places), cost = -score for an allowed
 * pair and 0 for a forbidden one, solved exactly by the Hungarian algorithm (`munkres`). Every
 * allowed pair scores at least `weights.eligible` > 0, so a forbidden cell is worth exactly what
 * leaving both people unmatched is worth: when the solver has to fill one, the engine drops it,
 * and the total is still the best the rules allow.
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

  // Screen and score every row once; keep the scores of the mentees still to be matched.
  const allowed = new Uint8Array(mentors.length);
  const eligibleMentors = new Int32Array(mentees.length);
  const eligibleMentees = new Int32Array(mentors.length);
  const openEligible = new Int32Array(mentors.length);
  const rows: { mentee: number; scores: Int32Array }[] = [];
  for (let j = 0; j < mentees.length; j++) {
    screen.screenRow(j, allowed);
    const scores = new Int32Array(mentors.length);
    scorer.scoreRow(j, allowed, scores);
    let open = 0;
    for (let i = 0; i < mentors.length; i++) {
      if (allowed[i] !== 1) continue;
      eligibleMentors[j]!++;
      eligibleMentees[i]!++;
      if (pinned[j] === 0 && capacity[i]! > 0) {
        openEligible[i]!++;
        open++;
      }
    }
    if (pinned[j] === 0 && open > 0) rows.push({ mentee: j, scores });
  }

  // A mentor needs no more places than the mentees they could take.
  const slotMentor: number[] = [];
  mentors.forEach((_, i) => {
    for (let k = Math.min(capacity[i]!, openEligible[i]!); k > 0; k--) slotMentor.push(i);
  });
  if (input.random) {
    shuffle(rows, input.random);
    shuffle(slotMentor, input.random);
  }
  // Each score row is released as soon as its cost row exists, so only one full matrix is held at a time.
  const costs = rows.map((row) => {
    const cost = new Int32Array(slotMentor.length);
    for (let s = 0; s < slotMentor.length; s++) cost[s] = -row.scores[slotMentor[s]!]!;
    row.scores = EMPTY;
    return cost;
  });
  if (costs.length > 0 && slotMentor.length > 0) {
    for (const [r, s] of munkres(costs)) {
      if (costs[r]![s]! < 0) mentorOf[rows[r]!.mentee] = slotMentor[s]!;
    }
  }

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

const EMPTY = new Int32Array(0);

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
