import type { ProgrammeInsight } from '../../../../shared/insight/programmeTables';
import type { Cell } from '../../../../shared/insight/safeCube';
import type { TableView } from '../../../../shared/insight/tableView';
import { messages } from '../../messages';

const m = messages.dashboard;

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

const label = (category: string) => m.categories[category] ?? category;

function tableOf(insight: ProgrammeInsight, id: string): TableView | undefined {
  return insight.tables.find((t) => t.id === id);
}

/** A distribution over categories, with the mean as a last column when the table has one. */
function distribution(table: TableView, title: string, withMean = false): ChartSpec {
  const counted = m.count(m.counts[table.counts] ?? table.counts);
  const columns: FigureColumn[] = [{ label: counted, measure: 'count' }, ...(withMean ? [{ label: m.mean(m.meanOf[table.id] ?? ''), measure: 'mean' as const }] : [])];
  const cellsOf = (cell: Cell) => (withMean ? [cell, cell] : [cell]);
  return {
    id: table.id,
    title,
    bars: table.categories.map((c) => ({ label: label(c.category), cell: c, measure: 'count' })),
    table: {
      rowHeader: m.category,
      columns,
      rows: [...table.categories.map((c) => ({ label: label(c.category), cells: cellsOf(c) })), { label: m.total, cells: cellsOf(table.total) }],
    },
  };
}

function overTime(table: TableView, title: string): ChartSpec {
  return {
    id: table.id,
    title,
    bars: table.series.map((s) => ({ label: s.month, cell: s.total, measure: 'count' })),
    table: {
      rowHeader: m.month,
      columns: [{ label: m.count(m.counts[table.counts] ?? table.counts), measure: 'count' }],
      rows: [...table.series.map((s) => ({ label: s.month, cells: [s.total] })), { label: m.total, cells: [table.total] }],
    },
  };
}

/** Several small tables side by side: one table row per table, one column per category. */
function grouped(tables: TableView[], title: string, categories: string[], withMean: boolean): ChartSpec {
  const group = (t: TableView) => m.groups[t.id] ?? t.id;
  const cellFor = (t: TableView, category: string): Cell => t.categories.find((c) => c.category === category) ?? { count: 0, mean: null };
  return {
    id: tables.map((t) => t.id).join('+'),
    title,
    bars: tables.flatMap((t) => t.categories.map((c) => ({ label: `${group(t)}: ${label(c.category)}`, cell: c, measure: 'count' as const }))),
    table: {
      rowHeader: title,
      columns: [...categories.map((c) => ({ label: label(c), measure: 'count' as const })), ...(withMean ? [{ label: m.mean(m.meanOf[tables[0]!.id] ?? ''), measure: 'mean' as const }] : [])],
      rows: tables.map((t) => ({ label: group(t), cells: [...categories.map((c) => cellFor(t, c)), ...(withMean ? [t.total] : [])] })),
    },
  };
}

/** Take-aways and commitments have different categories: one table row per bar, with each group's total. */
function followThrough(tables: TableView[]): ChartSpec {
  const group = (t: TableView) => m.groups[t.id] ?? t.id;
  const bars = tables.flatMap((t) => t.categories.map((c) => ({ label: `${group(t)}: ${label(c.category)}`, cell: c, measure: 'count' as const })));
  return {
    id: 'followThrough',
    title: m.charts.followThrough,
    bars,
    table: {
      rowHeader: m.category,
      columns: [{ label: m.number, measure: 'count' }],
      rows: tables.flatMap((t) => [...t.categories.map((c) => ({ label: `${group(t)}: ${label(c.category)}`, cells: [c as Cell] })), { label: `${group(t)}: ${m.total.toLowerCase()}`, cells: [t.total] }]),
    },
  };
}

function surveys(tables: TableView[]): ChartSpec {
  const ratings = ['1', '2', '3', '4', '5'];
  const name = (t: TableView) => m.surveys[t.id] ?? t.id;
  return {
    id: 'surveys',
    title: m.charts.surveys,
    max: 5,
    bars: tables.map((t) => ({ label: name(t), cell: t.total, measure: 'mean' })),
    table: {
      rowHeader: m.charts.surveys,
      columns: [{ label: m.responses, measure: 'count' }, { label: m.averageRating, measure: 'mean' }, ...ratings.map((r) => ({ label: m.rating(r), measure: 'count' as const }))],
      rows: tables.map((t) => ({ label: name(t), cells: [t.total, t.total, ...ratings.map((r) => t.categories.find((c) => c.category === r) ?? { count: 0, mean: null })] })),
    },
  };
}

/** The dashboard's charts, in reading order, from the insight answer (tables the server left out are skipped). */
export function insightCharts(insight: ProgrammeInsight): ChartSpec[] {
  const t = (id: string) => tableOf(insight, id);
  const charts: (ChartSpec | null)[] = [
    t('participation') ? distribution(t('participation')!, m.charts.participation) : null,
    t('sessionsHeld') ? overTime(t('sessionsHeld')!, m.charts.sessionsHeld) : null,
    t('sessionsPerPair') ? distribution(t('sessionsPerPair')!, m.charts.sessionsPerPair, true) : null,
    t('daysToFirstSession') ? distribution(t('daysToFirstSession')!, m.charts.daysToFirstSession, true) : null,
  ];
  const surveyTables = ['survey:pulse', 'survey:pairing-fit', 'survey:mid-point', 'survey:end'].flatMap((id) => t(id) ?? []);
  if (surveyTables.length > 0) charts.push(surveys(surveyTables));
  const selfTables = ['selfAssessment:mentee', 'selfAssessment:mentor'].flatMap((id) => t(id) ?? []);
  if (selfTables.length > 0) charts.push(grouped(selfTables, m.charts.selfAssessment, ['improved', 'unchanged', 'declined'], true));
  const follow = ['takeaways', 'commitments'].flatMap((id) => t(id) ?? []);
  if (follow.length > 0) charts.push(followThrough(follow));
  charts.push(t('retention') ? distribution(t('retention')!, m.charts.retention) : null);
  return charts.filter((c): c is ChartSpec => c !== null);
}

/** A figure as text: suppressed cells say so (never 0, never blank), empty means say there is none. */
export function formatFigure(cell: Cell, measure: 'count' | 'mean', threshold: number): string {
  if (cell.count === null) return m.suppressed(threshold);
  if (measure === 'count') return cell.count.toLocaleString();
  return cell.mean === null ? m.noMean : cell.mean.toLocaleString(undefined, { maximumFractionDigits: 1 });
}

export function hasSuppressed(chart: ChartSpec): boolean {
  return chart.bars.some((b) => b.cell.count === null) || chart.table.rows.some((r) => r.cells.some((c) => c.count === null));
}
