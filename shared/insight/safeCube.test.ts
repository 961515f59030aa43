import fc from 'fast-check';
import { otherDepartments, recodeDepartments, monthsBetween } from './dimensions';
import type { Fact } from './safeCube';
import { tableView, type TableSpec } from './tableView';
import { smallDerivableGroups } from './testing/disclosureAudit';

/*
 * An admin sees every cell of every view, for every filter combination (each department and all,
 * each month window, each category and the total, and the month by month series). The audit
 * (testing/disclosureAudit) enumerates every group those cells let them derive and requires each
 * to hold no facts or at least `threshold` distinct people.
 */

const months = monthsBetween('2026-01', '2026-03');
const spec: TableSpec = { id: 'status', counts: 'participants', categories: ['active', 'ended-early'], withMean: true };

interface Published {
  atoms: number[];
}

function atomOf(departments: readonly string[], fact: Pick<Fact, 'department' | 'month' | 'category'>): number {
  return (departments.indexOf(fact.department) * months.length + months.indexOf(fact.month)) * spec.categories.length + spec.categories.indexOf(fact.category);
}

function cellAtoms(departments: readonly string[], department: string | null, from: string, to: string, category: string | null): number[] {
  const atoms: number[] = [];
  departments.forEach((d) =>
    months.forEach((m) =>
      spec.categories.forEach((c) => {
        if ((department === null || d === department) && m >= from && m <= to && (category === null || c === category)) atoms.push(atomOf(departments, { department: d, month: m, category: c }));
      }),
    ),
  );
  return atoms;
}

/** Every cell the dashboard publishes for the table, over every filter combination. */
function publishedByDashboard(facts: Fact[], departments: string[], threshold: number): Published[] {
  const published: Published[] = [];
  for (const department of [null, ...departments]) {
    for (let i = 0; i < months.length; i++) {
      for (let j = i; j < months.length; j++) {
        const view = tableView(spec, facts, { departments, months }, threshold, { department, from: months[i]!, to: months[j]! });
        const take = (from: string, to: string, category: string | null, count: number | null) => {
          if (count !== null) published.push({ atoms: cellAtoms(departments, department, from, to, category) });
        };
        take(months[i]!, months[j]!, null, view.total.count);
        view.categories.forEach((c) => take(months[i]!, months[j]!, c.category, c.count));
        view.series.forEach((s) => {
          take(s.month, s.month, null, s.total.count);
          s.categories.forEach((c) => take(s.month, s.month, c.category, c.count));
        });
      }
    }
  }
  return published;
}

function leaks(facts: Fact[], departments: string[], threshold: number, published: Published[]): { atoms: number[]; people: number }[] {
  return smallDerivableGroups(
    facts.map((f) => ({ atom: atomOf(departments, f), unit: f.unit })),
    published.map((p) => p.atoms),
    threshold,
  );
}

/** A programme with small departments: people in three departments of 1 to 8, one or two facts each. */
const programmeArbitrary = fc.record({
  threshold: fc.integer({ min: 3, max: 5 }),
  departments: fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 })),
  choices: fc.array(fc.tuple(fc.nat(2), fc.nat(1), fc.nat(2), fc.nat(1), fc.integer({ min: 1, max: 5 })), { minLength: 24, maxLength: 24 }),
});

type ProgrammeInput = typeof programmeArbitrary extends fc.Arbitrary<infer T> ? T : never;

function buildProgramme({ threshold, departments: sizes, choices }: ProgrammeInput) {
  const names = ['Finance', 'Legal', 'Sales'];
  const people = sizes.flatMap((n, d) => Array.from({ length: n }, (_, i) => ({ unit: `${names[d]}-${i}`, department: names[d]! })));
  const coding = recodeDepartments(people, threshold);
  const facts: Fact[] = people.flatMap((p, i) => {
    const [m, c, m2, twice, value] = choices[i % choices.length]!;
    const first = { unit: p.unit, department: coding.code(p.department), month: months[m]!, category: spec.categories[c]!, value };
    return twice ? [first, { ...first, month: months[m2]! }] : [first];
  });
  return { facts, departments: coding.offered, threshold };
}

describe('anonymity by construction', () => {
  it('lets no group of fewer than the threshold be recovered from any combination of views, for every filter combination', () => {
    fc.assert(
      fc.property(programmeArbitrary, (input) => {
        const { facts, departments, threshold } = buildProgramme(input);
        expect(leaks(facts, departments, threshold, publishedByDashboard(facts, departments, threshold))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('suppresses a second cell when a total and all but one of its parts would give the last part away', () => {
    const facts: Fact[] = [
      ...Array.from({ length: 5 }, (_, i) => ({ unit: `f${i}`, department: 'Finance', month: '2026-01', category: 'active' })),
      ...Array.from({ length: 2 }, (_, i) => ({ unit: `f${5 + i}`, department: 'Finance', month: '2026-01', category: 'ended-early' })),
      ...Array.from({ length: 6 }, (_, i) => ({ unit: `s${i}`, department: 'Sales', month: '2026-01', category: 'active' })),
    ];
    const dims = { departments: ['Finance', 'Sales'], months };
    const finance = tableView(spec, facts, dims, 5, { department: 'Finance', from: '2026-01', to: '2026-03' });
    expect(finance.total.count).toBe(7);
    expect(finance.categories.map((c) => c.count)).toEqual([null, null]);
    const everyone = tableView(spec, facts, dims, 5, { department: null, from: '2026-01', to: '2026-03' });
    expect(everyone.total.count).toBe(13);
    // Shown, "active" for everyone minus "active" in Sales would be Finance's 5, and so its 2 ended early.
    expect(everyone.categories.map((c) => c.count)).toEqual([null, null]);
    const sales = tableView(spec, facts, dims, 5, { department: 'Sales', from: '2026-01', to: '2026-03' });
    expect(sales.categories.map((c) => c.count)).toEqual([6, 0]);
  });

  it('keeps a month from being isolated by subtracting two windows', () => {
    const facts: Fact[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ unit: `a${i}`, department: 'Finance', month: '2026-01', category: 'active' })),
      { unit: 'late', department: 'Finance', month: '2026-03', category: 'active' },
    ];
    const dims = { departments: ['Finance'], months };
    const all = tableView(spec, facts, dims, 5, { department: null, from: '2026-01', to: '2026-03' });
    const early = tableView(spec, facts, dims, 5, { department: null, from: '2026-01', to: '2026-02' });
    expect(all.total.count).toBe(7);
    expect(early.total.count).toBeNull();
    expect(all.series.map((s) => s.total.count)).toEqual([null, null, null]);
  });

  it('finds the leak that suppressing only the small cells would leave (the checker can fail)', () => {
    const facts: Fact[] = [
      ...Array.from({ length: 5 }, (_, i) => ({ unit: `f${i}`, department: 'Finance', month: '2026-01', category: 'active' })),
      ...Array.from({ length: 2 }, (_, i) => ({ unit: `f${5 + i}`, department: 'Finance', month: '2026-01', category: 'ended-early' })),
    ];
    const departments = ['Finance'];
    const naive: Published[] = [];
    for (const department of [null, 'Finance'])
      for (const category of [null, ...spec.categories]) {
        const atoms = cellAtoms(departments, department, '2026-01', '2026-03', category);
        const inCell = facts.filter((f) => atoms.includes(atomOf(departments, f)));
        if (inCell.length === 0 || new Set(inCell.map((f) => f.unit)).size >= 5) naive.push({ atoms });
      }
    expect(leaks(facts, departments, 5, naive)).toContainEqual(expect.objectContaining({ people: 2 }));
    expect(leaks(facts, departments, 5, publishedByDashboard(facts, departments, 5))).toEqual([]);
  });

  it('shows small departments only together, as "Other departments"', () => {
    const people = [
      ...Array.from({ length: 5 }, (_, i) => ({ unit: `f${i}`, department: 'Finance' })),
      { unit: 'l0', department: 'Legal' },
      { unit: 'x0', department: null },
    ];
    const coding = recodeDepartments(people, 5);
    expect(coding.offered).toEqual(['Finance', otherDepartments]);
    expect(coding.code('Legal')).toBe(otherDepartments);
    expect(coding.code('Finance')).toBe('Finance');
  });

  it('publishes means only over groups it publishes, and the table total when the programme is large enough', () => {
    const facts: Fact[] = Array.from({ length: 6 }, (_, i) => ({ unit: `p${i}`, department: 'Finance', month: '2026-02', category: 'active', value: i % 2 === 0 ? 4 : 5 }));
    const view = tableView(spec, facts, { departments: ['Finance'], months }, 5, { department: null, from: '2026-01', to: '2026-03' });
    expect(view.total).toEqual({ count: 6, mean: 4.5 });
    expect(view.series[1]!.total).toEqual({ count: 6, mean: 4.5 });
    expect(view.series[0]!.total).toEqual({ count: 0, mean: null });
  });
});
