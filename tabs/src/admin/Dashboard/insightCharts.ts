import type { ProgrammeInsight } from '../../../../shared/insight/programmeTables';
import type { Cell } from '../../../../shared/insight/safeCube';
import type { TableView } from '../../../../shared/insight/tableView';
import { formatMonth, formatNumber } from '../../format';
import { label, t } from '../../i18n';


/** One bar: its label and the figure it draws (a count, or a mean whose group may be suppressed). */
export interface Bar {
  label: string;
  cell: Cell;
  measure: 'count' | 'mean';
}

export interface FigureColumn {
  label: string;
  measure: 'count' | 'mean';
}

/** The table view of a chart: the same figures, for screen readers and for reading exact values. */
export interface FigureTableSpec {
  rowHeader: string;
  columns: FigureColumn[];
  rows: { label: string; cells: Cell[] }[];
}

export interface ChartSpec {
  id: string;
  title: string;
  bars: Bar[];
  /** The top of the scale (ratings go to 5); otherwise the largest bar. */
  max?: number;
  table: FigureTableSpec;
}

const categoryLabel = (category: string) => label('dashboard.categories', category);

function tableOf(insight: ProgrammeInsight, id: string): TableView | undefined {
  return insight.tables.find((table) => table.id === id);
}

/** A distribution over categories, with the mean as a last column when the table has one. */
function distribution(table: TableView, title: string, withMean = false): ChartSpec {
  const counted = label('dashboard.count', table.counts);
  const columns: FigureColumn[] = [{ label: counted, measure: 'count' }, ...(withMean ? [{ label: label('dashboard.mean', table.id), measure: 'mean' as const }] : [])];
  const cellsOf = (cell: Cell) => (withMean ? [cell, cell] : [cell]);
  return {
    id: table.id,
    title,
    bars: table.categories.map((c) => ({ label: categoryLabel(c.category), cell: c, measure: 'count' })),
    table: {
      rowHeader: t('dashboard.category'),
      columns,
      rows: [...table.categories.map((c) => ({ label: categoryLabel(c.category), cells: cellsOf(c) })), { label: t('dashboard.total'), cells: cellsOf(table.total) }],
    },
  };
}

function overTime(table: TableView, title: string): ChartSpec {
  return {
    id: table.id,
    title,
    bars: table.series.map((s) => ({ label: formatMonth(s.month), cell: s.total, measure: 'count' })),
    table: {
      rowHeader: t('dashboard.month'),
      columns: [{ label: label('dashboard.count', table.counts), measure: 'count' }],
      rows: [...table.series.map((s) => ({ label: formatMonth(s.month), cells: [s.total] })), { label: t('dashboard.total'), cells: [table.total] }],
    },
  };
}

/** Several small tables side by side: one table row per table, one column per category. */
function grouped(tables: TableView[], title: string, categories: string[], withMean: boolean): ChartSpec {
  const group = (table: TableView) => label('dashboard.groups', table.id);
  const cellFor = (table: TableView, category: string): Cell => table.categories.find((c) => c.category === category) ?? { count: 0, mean: null };
  return {
    id: tables.map((table) => table.id).join('+'),
    title,
    bars: tables.flatMap((table) => table.categories.map((c) => ({ label: t('dashboard.groupCategory', { group: group(table), category: categoryLabel(c.category) }), cell: c, measure: 'count' as const }))),
    table: {
      rowHeader: title,
      columns: [...categories.map((c) => ({ label: categoryLabel(c), measure: 'count' as const })), ...(withMean ? [{ label: label('dashboard.mean', tables[0]!.id), measure: 'mean' as const }] : [])],
      rows: tables.map((table) => ({ label: group(table), cells: [...categories.map((c) => cellFor(table, c)), ...(withMean ? [table.total] : [])] })),
    },
  };
}

/** Take-aways and commitments have different categories: one table row per bar, with each group's total. */
function followThrough(tables: TableView[]): ChartSpec {
  const group = (table: TableView) => label('dashboard.groups', table.id);
  const bars = tables.flatMap((table) => table.categories.map((c) => ({ label: t('dashboard.groupCategory', { group: group(table), category: categoryLabel(c.category) }), cell: c, measure: 'count' as const })));
  return {
    id: 'followThrough',
    title: t('dashboard.charts.followThrough'),
    bars,
    table: {
      rowHeader: t('dashboard.category'),
      columns: [{ label: t('dashboard.number'), measure: 'count' }],
      rows: tables.flatMap((table) => [...table.categories.map((c) => ({ label: t('dashboard.groupCategory', { group: group(table), category: categoryLabel(c.category) }), cells: [c as Cell] })), { label: t('dashboard.groupTotal', { group: group(table) }), cells: [table.total] }]),
    },
  };
}

function surveys(tables: TableView[]): ChartSpec {
  const ratings = ['1', '2', '3', '4', '5'];
  const name = (table: TableView) => label('dashboard.surveys', table.id);
  return {
    id: 'surveys',
    title: t('dashboard.charts.surveys'),
    max: 5,
    bars: tables.map((table) => ({ label: name(table), cell: table.total, measure: 'mean' })),
    table: {
      rowHeader: t('dashboard.charts.surveys'),
      columns: [{ label: t('dashboard.responses'), measure: 'count' }, { label: t('dashboard.averageRating'), measure: 'mean' }, ...ratings.map((r) => ({ label: t('dashboard.rating', { rating: formatNumber(Number(r)) }), measure: 'count' as const }))],
      rows: tables.map((table) => ({ label: name(table), cells: [table.total, table.total, ...ratings.map((r) => table.categories.find((c) => c.category === r) ?? { count: 0, mean: null })] })),
    },
  };
}

/** The dashboard's charts, in reading order, from the insight answer (tables the server left out are skipped). */
export function insightCharts(insight: ProgrammeInsight): ChartSpec[] {
  const find = (id: string) => tableOf(insight, id);
  const charts: (ChartSpec | null)[] = [
    find('participation') ? distribution(find('participation')!, t('dashboard.charts.participation')) : null,
    find('sessionsHeld') ? overTime(find('sessionsHeld')!, t('dashboard.charts.sessionsHeld')) : null,
    find('sessionsPerPair') ? distribution(find('sessionsPerPair')!, t('dashboard.charts.sessionsPerPair'), true) : null,
    find('daysToFirstSession') ? distribution(find('daysToFirstSession')!, t('dashboard.charts.daysToFirstSession'), true) : null,
  ];
  const surveyTables = ['survey:pulse', 'survey:pairing-fit', 'survey:mid-point', 'survey:end'].flatMap((id) => find(id) ?? []);
  if (surveyTables.length > 0) charts.push(surveys(surveyTables));
  const selfTables = ['selfAssessment:mentee', 'selfAssessment:mentor'].flatMap((id) => find(id) ?? []);
  if (selfTables.length > 0) charts.push(grouped(selfTables, t('dashboard.charts.selfAssessment'), ['improved', 'unchanged', 'declined'], true));
  const follow = ['takeaways', 'commitments'].flatMap((id) => find(id) ?? []);
  if (follow.length > 0) charts.push(followThrough(follow));
  charts.push(find('retention') ? distribution(find('retention')!, t('dashboard.charts.retention')) : null);
  return charts.filter((c): c is ChartSpec => c !== null);
}

/** A figure as text: suppressed cells say so (never 0, never blank), empty means say there is none. */
export function formatFigure(cell: Cell, measure: 'count' | 'mean', threshold: number): string {
  if (cell.count === null) return t('dashboard.suppressed', { threshold });
  if (measure === 'count') return formatNumber(cell.count);
  return cell.mean === null ? t('dashboard.noMean') : formatNumber(cell.mean, { maximumFractionDigits: 1 });
}

export function hasSuppressed(chart: ChartSpec): boolean {
  return chart.bars.some((b) => b.cell.count === null) || chart.table.rows.some((r) => r.cells.some((c) => c.count === null));
}
