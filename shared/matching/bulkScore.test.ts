import fc from 'fast-check';
import { createBulkScorer } from './bulkScore';
import { scorePair, scoringProfile, defaultScoreWeights } from './score';
import { randomProgramme } from './testing/randomProgramme';

describe('createBulkScorer', () => {
  it('gives every allowed pair the score scorePair gives it, and 0 to the others', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (seed, m, n) => {
        const { mentors, mentees } = randomProgramme({ seed, mentors: m, mentees: n, maxCapacity: 1, pins: 0 });
        const scorer = createBulkScorer(
          mentors.map(scoringProfile),
          mentors.map((p) => p.seniority),
          mentees.map(scoringProfile),
          mentees.map((p) => p.seniority),
          defaultScoreWeights,
        );
        const allowed = Uint8Array.from(mentors, (_, i) => i % 3);
        const scores = new Int32Array(m);
        mentees.forEach((mentee, j) => {
          scorer.scoreRow(j, allowed, scores);
          mentors.forEach((mentor, i) => expect(scores[i]).toBe(allowed[i] === 1 ? scorePair(mentor, mentee).score : 0));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('scores correctly with very many distinct seniorities (no memo) and with a memo shared across mentees', () => {
    const { mentors, mentees } = randomProgramme({ seed: 7, mentors: 1500, mentees: 30, maxCapacity: 1, pins: 0 });
    for (const fine of [true, false]) {
      const mentorSeniority = mentors.map((_, i) => (fine ? i / 7 : i % 5));
      const scorer = createBulkScorer(mentors.map(scoringProfile), mentorSeniority, mentees.map(scoringProfile), mentees.map((p) => p.seniority), defaultScoreWeights);
      const allowed = new Uint8Array(mentors.length).fill(1);
      const scores = new Int32Array(mentors.length);
      mentees.forEach((mentee, j) => {
        scorer.scoreRow(j, allowed, scores);
        const wrong = mentors.filter((mentor, i) => scores[i] !== scorePair({ ...mentor, seniority: mentorSeniority[i]! }, mentee).score);
        expect(wrong).toEqual([]);
      });
    }
  });
});
