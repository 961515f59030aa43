import fc from 'fast-check';
import { maxScoreByMinCostFlow, type WeightedEdge } from './minCostFlow';

/** Tries every way of giving each mentee one allowed mentor or none. */
function bruteForce(menteeCount: number, capacity: number[], edges: WeightedEdge[]): number {
  const load = capacity.map(() => 0);
  const best = (j: number): number => {
    if (j === menteeCount) return 0;
    let top = best(j + 1);
    for (const e of edges) {
      if (e.mentee !== j || load[e.mentor]! >= capacity[e.mentor]!) continue;
      load[e.mentor]!++;
      top = Math.max(top, e.score + best(j + 1));
      load[e.mentor]!--;
    }
    return top;
  };
  return best(0);
}

describe('maxScoreByMinCostFlow (the independent reference solver)', () => {
  it('finds the best total a brute-force search finds, with capacities and missing pairs', () => {
    const instance = fc
      .record({ mentees: fc.integer({ min: 0, max: 6 }), capacity: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 5 }) })
      .chain(({ mentees, capacity }) =>
        fc.record({
          mentees: fc.constant(mentees),
          capacity: fc.constant(capacity),
          edges: fc.uniqueArray(
            fc.record({
              mentee: fc.integer({ min: 0, max: Math.max(0, mentees - 1) }),
              mentor: fc.integer({ min: 0, max: Math.max(0, capacity.length - 1) }),
              score: fc.integer({ min: 1, max: 20 }),
            }),
            { selector: (e) => `${e.mentee}/${e.mentor}`, maxLength: mentees > 0 && capacity.length > 0 ? 30 : 0 },
          ),
        }),
      );
    fc.assert(
      fc.property(instance, ({ mentees, capacity, edges }) => {
        const result = maxScoreByMinCostFlow(mentees, capacity, edges);
        expect(result.totalScore).toBe(bruteForce(mentees, capacity, edges));
        const score = new Map(edges.map((e) => [`${e.mentee}/${e.mentor}`, e.score]));
        expect(result.pairs.reduce((sum, [j, i]) => sum + score.get(`${j}/${i}`)!, 0)).toBe(result.totalScore);
      }),
      { numRuns: 500 },
    );
  });
});
