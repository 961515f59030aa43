import { stringify } from 'csv-stringify/sync';
import { insightFilter, releasedInsight, type ProgrammeInsight } from '../../shared/insight/programmeTables';
import type { InsightQuery } from '../../shared/schemas/insight';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import { ApiError, notFound } from '../http/errors';
import type { ProblemKey } from '../http/problemText';
import type { Db } from '../store/database';
import { loadProgrammeInsight } from './insightLoader';
import { releaseDueBatches } from './insightReleases';

interface Props {
  db: Db;
  actor: Caller;
  programmeId: string;
  filter: InsightQuery;
  now: Date;
  /** What the audit log calls this read: viewing the dashboard or exporting it. */
  action: 'insight.view' | 'insight.export';
  /** The organisation's smallest anonymity threshold (UPWARD_ANONYMITY_FLOOR), applied to every read. */
  anonymityFloor: number;
}

const refusal: Record<string, ProblemKey> = {
  department: 'field.insightDepartment',
  from: 'field.insightMonth',
  to: 'field.insightMonthTo',
};

/**
 * The programme dashboard for one filter, drawn from released batches only (cutting those that
 * are due), every figure suppressed as shared/insight decides; the read is audited.
 */
export async function programmeInsightReader({ db, actor, programmeId, filter, now, action, anonymityFloor }: Props): Promise<ProgrammeInsight> {
  const loaded = await loadProgrammeInsight(db, actor.tenantId, programmeId, now);
  if (!loaded) throw notFound();
  // A floor raised after the programme was written still holds (released batches keep the threshold they were cut with).
  const input = { ...loaded, threshold: Math.max(loaded.threshold, anonymityFloor) };
  const applied = insightFilter(input, filter);
  if ('invalid' in applied) {
    throw new ApiError('invalidRequest', { key: 'invalidRequest.check', values: { where: 'query', fields: [applied.invalid] } }, [{ field: applied.invalid, message: { key: refusal[applied.invalid]! } }]);
  }
  const insight = releasedInsight(input, await releaseDueBatches(db, actor.tenantId, programmeId, input, now), applied);
  await recordAudit(db, actor, action, programmeId, now);
  return insight;
}

/** Spreadsheets run cells that start like a formula; such text is quoted so it stays text. */
export function csvOf(rows: unknown[][]): string {
  return stringify(rows, { cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) } });
}

/** The dashboard as CSV: one row per cell, suppressed cells empty and marked. */
export function insightCsv(insight: ProgrammeInsight): string {
  const window = `${insight.filter.from}..${insight.filter.to}`;
  const rows: unknown[][] = [['table', 'counts', 'department', 'months', 'category', 'count', 'mean', 'suppressed']];
  const department = insight.filter.department ?? 'all';
  for (const table of insight.tables) {
    const row = (months: string, category: string, cell: { count: number | null; mean: number | null }) =>
      rows.push([table.id, table.counts, department, months, category, cell.count ?? '', cell.mean ?? '', cell.count === null ? 'yes' : 'no']);
    row(window, 'total', table.total);
    table.categories.forEach((c) => row(window, c.category, c));
    for (const s of table.series) {
      row(s.month, 'total', s.total);
      s.categories.forEach((c) => row(s.month, c.category, c));
    }
  }
  return csvOf(rows);
}
