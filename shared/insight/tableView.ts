import { buildSafeCube, cellAcross, type Cell, type CellQuery, type CubeShape, type Fact, type SafeCube } from './safeCube';

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
 * One table of the dashboard for one filter, from the cubes of its release batches. Each cube's
 * suppression was decided on the whole table (every department, month and category of the
 * programme) before any filter, so the filtered view and the unfiltered one, two windows, or two
 * releases, cannot be subtracted to reveal anyone. `departments` is what the filter's department
 * covers in the cubes (several directory departments for "Other departments").
 */
export function batchedTableView(spec: TableSpec, cubes: readonly SafeCube[], months: readonly string[], departments: CellQuery['department'], filter: ViewFilter): TableView {
  const cells = (from: string, to: string) => ({
    total: cellAcross(cubes, { department: departments, from, to, category: null }, spec.withMean),
    categories: spec.categories.map((category) => ({ category, ...cellAcross(cubes, { department: departments, from, to, category }, spec.withMean) })),
  });
  const window = months.slice(months.indexOf(filter.from), months.indexOf(filter.to) + 1);
  return {
    id: spec.id,
    counts: spec.counts,
    ...cells(filter.from, filter.to),
    series: window.map((month) => ({ month, ...cells(month, month) })),
  };
}

/** One table of the dashboard for one filter, from a single set of facts (one batch). */
export function tableView(spec: TableSpec, facts: readonly Fact[], dimensions: Omit<CubeShape, 'categories'>, threshold: number, filter: ViewFilter): TableView {
  const cube = buildSafeCube(facts, { ...dimensions, categories: spec.categories }, threshold);
  return batchedTableView(spec, [cube], dimensions.months, filter.department, filter);
}
