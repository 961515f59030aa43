import { buildSafeCube, cellOf, type Cell, type CubeShape, type Fact } from './safeCube';

export interface TableSpec {
  id: string;
  /** What one fact is about, so the tab can label counts ("participants", "pairs", "sessions"). */
  counts: string;
  categories: readonly string[];
  /** Whether the facts carry a value whose mean is shown (ratings, days, changes). */
  withMean: boolean;
}

export interface ViewFilter {
  /** null: every department. */
  department: string | null;
  from: string;
  to: string;
}

export interface TableView {
  id: string;
  counts: string;
  total: Cell;
  categories: ({ category: string } & Cell)[];
  /** The same figures month by month inside the window. */
  series: { month: string; total: Cell; categories: ({ category: string } & Cell)[] }[];
}

/**
 * One table of the dashboard for one filter. The suppression is decided on the whole table
 * (every department, month and category of the programme) before the filter is applied, so the
 * filtered view and the unfiltered one, or two windows, cannot be subtracted to reveal anyone.
 */
export function tableView(spec: TableSpec, facts: readonly Fact[], dimensions: Omit<CubeShape, 'categories'>, threshold: number, filter: ViewFilter): TableView {
  const cube = buildSafeCube(facts, { ...dimensions, categories: spec.categories }, threshold);
  const cells = (from: string, to: string) => ({
    total: cellOf(cube, { department: filter.department, from, to, category: null }, spec.withMean),
    categories: spec.categories.map((category) => ({ category, ...cellOf(cube, { department: filter.department, from, to, category }, spec.withMean) })),
  });
  const window = dimensions.months.slice(dimensions.months.indexOf(filter.from), dimensions.months.indexOf(filter.to) + 1);
  return {
    id: spec.id,
    counts: spec.counts,
    ...cells(filter.from, filter.to),
    series: window.map((month) => ({ month, ...cells(month, month) })),
  };
}
