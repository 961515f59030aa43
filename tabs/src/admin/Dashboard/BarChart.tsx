import { mergeClasses } from '@fluentui/react-components';
import { t } from '../../i18n';
import { formatFigure, type ChartSpec } from './insightCharts';
import { useDashboardStyles } from './useDashboardStyles.styles';

/**
 * Horizontal bars drawn with Fluent tokens. The chart is one image with a summary for screen
 * readers (the table view beside it carries the detail); suppressed bars are hatched and say
 * "fewer than N", never zero.
 */
export function BarChart({ chart, threshold }: { chart: ChartSpec; threshold: number }) {
  const styles = useDashboardStyles();
  const values = chart.bars.map((b) => (b.cell.count === null ? null : b.measure === 'count' ? b.cell.count : b.cell.mean));
  const max = chart.max ?? Math.max(1, ...values.map((v) => Math.abs(v ?? 0)));
  const summary = chart.bars.map((b) => t('dashboard.barValue', { label: b.label, value: formatFigure(b.cell, b.measure, threshold) })).join('; ');
  if (chart.bars.length === 0) return <p className={styles.note}>{t('dashboard.noData')}</p>;
  return (
    <div role="img" aria-label={t('dashboard.summaryBars', { title: chart.title, parts: summary })} className={styles.chart}>
      {chart.bars.map((b, i) => {
        const value = values[i];
        const suppressed = b.cell.count === null;
        return [
          <span key={`${b.label}:label`} aria-hidden className={styles.label}>
            {b.label}
          </span>,
          <span key={`${b.label}:bar`} aria-hidden className={styles.track}>
            {suppressed ? <span className={styles.hidden} /> : <span className={styles.bar} style={{ width: `${(Math.abs(value ?? 0) / max) * 80}%` }} />}
            <span className={mergeClasses(styles.value, suppressed && styles.suppressedValue)}>{formatFigure(b.cell, b.measure, threshold)}</span>
          </span>,
        ];
      })}
    </div>
  );
}
