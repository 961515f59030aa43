import fc from 'fast-check';
import munkres from 'munkres';
import { maxScoreAssignment } from './assignment';
import { seededRandom } from './testing/randomProgramme';

/** The best total by the Hungarian algorithm (`munkres`), with a mentor of capacity k as k identical columns. */
function munkresTotal(rows: number, cols: number, scores: Int32Array, capacity: Int32Array): number {
  const slots: number[] = [];
  for (let c = 0; c < cols; c++) for (let k = 0; k < capacity[c]!; k++) slots.push(c);
  if (rows === 0 || slots.length === 0) return 0;
  const costs = Array.from({ length: rows }, (_, r) => slots.map((c) => -scores[r * cols + c]!));
  return munkres(costs).reduce((sum, [r, s]) => sum - costs[r]![s]!, 0);
}

function randomInstance(seed: number, rows: number, cols: number, maxScore: number, forbidden: number, maxCapacity: number) {
  const random = seededRandom(seed);
  const scores = Int32Array.from({ length: rows * cols }, () => (random() < forbidden ? 0 : 1 + Math.floor(random() * maxScore)));
  const capacity = Int32Array.from({ length: cols }, () => Math.floor(random() * (maxCapacity + 1)));
  return { rows, cols, scores, capacity };
}

/** The optimality certificate the solver claims: feasible duals, tight chosen pairs, zero duals where slack. */
function expectCertificate(rows: number, cols: number, scores: Int32Array, capacity: Int32Array, result: ReturnType<typeof maxScoreAssignment>) {
  const { colOf, rowDual: u, colDual: v } = result;
  const load = new Int32Array(cols);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    expect(u[r]).toBeGreaterThanOrEqual(0);
    let broken = 0;
    for (let c = 0; c < cols; c++) if (scores[r * cols + c]! > 0 && capacity[c]! > 0 && u[r]! + v[c]! < scores[r * cols + c]!) broken++;
    expect(broken).toBe(0);
    const c = colOf[r]!;
    if (c === -1) {
      expect(u[r]).toBe(0);
      continue;
    }
    expect(scores[r * cols + c]).toBeGreaterThan(0);
    expect(u[r]! + v[c]!).toBe(scores[r * cols + c]);
    load[c]!++;
    total += scores[r * cols + c]!;
  }
  for (let c = 0; c < cols; c++) {
    expect(load[c]).toBeLessThanOrEqual(capacity[c]!);
    expect(v[c]).toBeGreaterThanOrEqual(0);
    if (load[c]! < capacity[c]!) expect(v[c]).toBe(0);
  }
  expect(result.totalScore).toBe(total);
}

describe('maxScoreAssignment', () => {
  it('finds the total munkres finds on dense integer matrices with heavy ties, unequal sides and capacities', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer(),
          rows: fc.integer({ min: 0, max: 40 }),
          cols: fc.integer({ min: 0, max: 40 }),
          maxScore: fc.integer({ min: 1, max: 6 }),
          forbidden: fc.constantFrom(0, 0.1, 0.5, 0.9),
          maxCapacity: fc.integer({ min: 0, max: 3 }),
        }),
        ({ seed, rows, cols, maxScore, forbidden, maxCapacity }) => {
          const p = randomInstance(seed, rows, cols, maxScore, forbidden, maxCapacity);
          const result = maxScoreAssignment(p.rows, p.cols, p.scores, p.capacity);
          expect(result.totalScore).toBe(munkresTotal(p.rows, p.cols, p.scores, p.capacity));
          expectCertificate(p.rows, p.cols, p.scores, p.capacity, result);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('matches munkres at 300 a side, from two scores to a hundred', () => {
    for (const [seed, maxScore, forbidden] of [[1, 2, 0], [2, 3, 0.3], [3, 100, 0.05]] as const) {
      const p = randomInstance(seed, 300, 260, maxScore, forbidden, 1);
      const result = maxScoreAssignment(p.rows, p.cols, p.scores, p.capacity);
      expect(result.totalScore).toBe(munkresTotal(p.rows, p.cols, p.scores, p.capacity));
      expectCertificate(p.rows, p.cols, p.scores, p.capacity, result);
    }
  });

  it('rejects a matrix that does not fit the sizes', () => {
    expect(() => maxScoreAssignment(2, 2, new Int32Array(3), new Int32Array(2))).toThrow(RangeError);
  });
});
