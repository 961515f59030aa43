import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { t } from '../../i18n';
import { formatFigure, type ChartSpec } from './insightCharts';
import { useDashboardStyles } from './useDashboardStyles.styles';

/** The table view of a chart: every figure it draws, with row headers, as the screen-reader path. */
export function FigureTable({ chart, threshold }: { chart: ChartSpec; threshold: number }) {
  const styles = useDashboardStyles();
  const { table } = chart;
  return (
    <div className={styles.tableWrap}>
      <Table className={styles.table} size="extra-small" aria-label={t('dashboard.tableView', { title: chart.title })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{table.rowHeader}</TableHeaderCell>
            {table.columns.map((c) => (
              <TableHeaderCell key={c.label} scope="col">
                {c.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((row) => (
            <TableRow key={row.label}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              {row.cells.map((cell, i) => (
                <TableCell key={table.columns[i]!.label} data-suppressed={cell.count === null ? 'yes' : undefined}>
                  {formatFigure(cell, table.columns[i]!.measure, threshold)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
