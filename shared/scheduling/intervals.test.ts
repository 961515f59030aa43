import { SchedulingError } from './errors';
import { intersectSpans, mergeSpans, overlapsAny, parseInstant, subtractSpans } from './intervals';

describe('intervals (half-open)', () => {
  it('joins touching and overlapping spans and drops empty ones', () => {
    expect(mergeSpans([{ start: 5, end: 7 }, { start: 1, end: 3 }, { start: 3, end: 4 }, { start: 6, end: 9 }, { start: 8, end: 8 }])).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 9 },
    ]);
  });

  it('treats a span ending exactly when another starts as not overlapping it', () => {
    const busy = [{ start: 10, end: 20 }, { start: 30, end: 40 }];
    expect(overlapsAny(20, 30, busy)).toBe(false);
    expect(overlapsAny(0, 10, busy)).toBe(false);
    expect(overlapsAny(19, 21, busy)).toBe(true);
    expect(overlapsAny(39, 45, busy)).toBe(true);
    expect(overlapsAny(12, 13, busy)).toBe(true);
    expect(overlapsAny(40, 50, busy)).toBe(false);
  });

  it('intersects and subtracts', () => {
    expect(intersectSpans([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 5, end: 25 }])).toEqual([
      { start: 5, end: 10 },
      { start: 20, end: 25 },
    ]);
    expect(intersectSpans([{ start: 0, end: 10 }], [{ start: 10, end: 20 }])).toEqual([]);
    expect(subtractSpans([{ start: 0, end: 100 }], [{ start: 10, end: 20 }, { start: 15, end: 30 }, { start: 90, end: 120 }])).toEqual([
      { start: 0, end: 10 },
      { start: 30, end: 90 },
    ]);
  });

  it('accepts only instants that carry their offset', () => {
    expect(parseInstant('2025-03-10T13:00:00Z')).toBe(parseInstant('2025-03-10T09:00:00-04:00'));
    expect(() => parseInstant('2025-03-10T13:00:00')).toThrow(SchedulingError);
    expect(() => parseInstant('soon')).toThrow(/ISO 8601 instant/);
  });
});
