import fc from 'fast-check';
import { canPair, type PairCandidate } from '../pairingRules';
import { createPairScreen } from './pairScreen';
import { randomProgramme } from './testing/randomProgramme';
import type { MatchCandidate } from './types';

const asCandidate = (c: MatchCandidate): PairCandidate => ({ userId: c.participant.userId, role: c.participant.role, seniority: c.seniority });

describe('createPairScreen', () => {
  it('agrees with canPair on every pair of random messy organisations, codes included', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 }), (seed, m, n) => {
        const input = randomProgramme({ seed, mentors: m, mentees: n, maxCapacity: 1, pins: 0 });
        const mentors = input.mentors.map(asCandidate);
        const mentees = input.mentees.map(asCandidate);
        const screen = createPairScreen(mentors, mentees, input.chains, input.policy);
        const row = new Uint8Array(m);
        mentees.forEach((mentee, j) => {
          screen.screenRow(j, row);
          mentors.forEach((mentor, i) => {
            const verdict = canPair(mentor, mentee, input.chains, input.policy);
            expect(row[i] === 1).toBe(verdict.allowed);
            expect(screen.blocks(i, j)).toEqual(verdict.allowed ? [] : verdict.reasons.map((r) => r.code));
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('finds blocks and earlier pairs whose ids contain the key separator', () => {
    const chains = (id: string) => ({ userId: id, managerIds: [], cycle: false });
    const mentor: PairCandidate = { userId: 'a|b', role: 'mentor', seniority: 0 };
    const mentee: PairCandidate = { userId: 'c', role: 'mentee', seniority: 5 };
    const policy = { minSeniorityGap: 1, earlierPairs: new Set(['a|b|c']), adminBlocks: new Set<string>() };
    const row = new Uint8Array(1);
    createPairScreen([mentor], [mentee], chains, policy).screenRow(0, row);
    expect(row[0]).toBe(0);
  });
});
