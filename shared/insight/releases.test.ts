import fc from 'fast-check';
import { insightTables } from './insightTables';
import { type Contribution, nextBatch, releasedCubes, releasedState, type InsightBatch } from './releases';
import { batchedTableView, type TableView } from './tableView';
import { smallDerivableGroups } from './testing/disclosureAudit';

const spec = insightTables['survey:mid-point'];
const months = ['2026-01', '2026-02'];
const departments = ['Finance', 'Sales', 'Legal'];
const threshold = 3;

function answer(n: number, department: string, month: string, rating: number): Contribution {
  return { id: `r${n}`, unit: `p${n}`, department, month, category: String(rating), value: rating };
}

/** An admin's read: due batches are cut first, then every filter of the dashboard is drawn. */
function read(batches: InsightBatch[], current: readonly Contribution[], cut: boolean) {
  const next = cut ? nextBatch('survey:mid-point', batches, current, threshold) : null;
  const all = next ? [...batches, next] : batches;
  const { cubes } = releasedCubes(all, months, spec.categories);
  const views: { department: string | null; from: string; to: string; view: TableView }[] = [];
  for (const department of [null, ...departments]) {
    for (let i = 0; i < months.length; i++) {
      for (let j = i; j < months.length; j++) {
        const filter = { department, from: months[i]!, to: months[j]! };
        views.push({ ...filter, view: batchedTableView(spec, cubes, months, department === null ? null : [department], filter) });
      }
    }
  }
  return { batches: all, views };
}

/** Every published figure of a read, as the set of released answers it adds up. */
function publishedSets(released: readonly Contribution[], views: ReturnType<typeof read>['views'], index: Map<string, number>): number[][] {
  const sets: number[][] = [];
  const cover = (department: string | null, from: string, to: string, category: string | null) =>
    released.filter((c) => (department === null || c.department === department) && c.month >= from && c.month <= to && (category === null || c.category === category)).map((c) => index.get(c.id)!);
  for (const { department, from, to, view } of views) {
    if (view.total.count !== null) sets.push(cover(department, from, to, null));
    view.categories.forEach((c) => c.count !== null && sets.push(cover(department, from, to, c.category)));
    view.series.forEach((s) => {
      if (s.total.count !== null) sets.push(cover(department, s.month, s.month, null));
      s.categories.forEach((c) => c.count !== null && sets.push(cover(department, s.month, s.month, c.category)));
    });
  }
  return sets;
}

/** The attacker: keeps every figure of every read, and looks for a group of fewer than the threshold they can compute. */
function leaksOver(arrivals: readonly Contribution[], releases: boolean) {
  const index = new Map(arrivals.map((c, i) => [c.id, i]));
  let batches: InsightBatch[] = [];
  const published: number[][] = [];
  for (let n = 1; n <= arrivals.length; n++) {
    const current = arrivals.slice(0, n);
    const result = read(releases ? batches : [], current, true);
    batches = result.batches;
    const released = releases ? [...releasedState(batches).values()] : current;
    published.push(...publishedSets(released, result.views, index));
  }
  return smallDerivableGroups(arrivals.map((c, i) => ({ atom: i, unit: c.unit })), published, threshold);
}

const arrivals = fc
  .array(fc.record({ department: fc.constantFrom(...departments), month: fc.constantFrom(...months), rating: fc.integer({ min: 1, max: 5 }) }), { minLength: 4, maxLength: 14 })
  .map((list) => list.map((a, n) => answer(n, a.department, a.month, a.rating)));

describe('insight releases', () => {
  it('does not change a figure when one more person answers (the before/after attack)', () => {
    const nine = Array.from({ length: 9 }, (_, n) => answer(n, 'Finance', '2026-01', 3 + (n % 2)));
    const first = read([], nine, true);
    const tenth = [...nine, answer(9, 'Finance', '2026-01', 1)];
    const second = read(first.batches, tenth, true);
    expect(second.batches).toEqual(first.batches);
    expect(second.views).toEqual(first.views);
    const twelve = [...tenth, answer(10, 'Sales', '2026-02', 2), answer(11, 'Sales', '2026-02', 5)];
    const third = read(second.batches, twelve, true);
    expect(third.batches).toHaveLength(2);
    const whole = (r: typeof first) => r.views.find((v) => v.department === null && v.from === months[0] && v.to === months[1])!.view.total.count;
    expect(whole(first)).toBe(9);
    expect(whole(third)).toBe(12);
    // The new batch's three people span both months: January alone would single them out, so it is hidden.
    expect(third.views.find((v) => v.department === null && v.from === months[0] && v.to === months[0])!.view.total.count).toBeNull();
  });

  it('lets an admin who keeps every release and every filter single out nobody', () => {
    fc.assert(
      fc.property(arrivals, (list) => {
        expect(leaksOver(list, true)).toEqual([]);
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });

  it('finds the leak when every read shows the data as it stands (the checker can fail)', () => {
    const list = [...Array.from({ length: 5 }, (_, n) => answer(n, 'Finance', '2026-01', 4)), answer(5, 'Finance', '2026-01', 1)];
    expect(leaksOver(list, false).length).toBeGreaterThan(0);
    expect(leaksOver(list, true)).toEqual([]);
  });

  it('withdraws a changed contribution where it was and adds it where it is, in one batch of enough people', () => {
    const before = Array.from({ length: 4 }, (_, n) => answer(n, 'Finance', '2026-01', 2));
    const [batch] = read([], before, true).batches;
    const changed = before.map((c) => ({ ...c, category: '5', value: 5 }));
    const next = nextBatch('survey:mid-point', [batch!], changed, threshold)!;
    expect(next.events.filter((e) => e.weight === -1)).toHaveLength(4);
    expect(next.events.filter((e) => e.weight === 1)).toHaveLength(4);
    expect([...releasedState([batch!, next]).values()].map((c) => c.category)).toEqual(['5', '5', '5', '5']);
    expect(nextBatch('survey:mid-point', [batch!], [...before.slice(0, 3), changed[3]!], threshold)).toBeNull();
  });
});
