import { Section } from '../../common/Section/Section';
import { Loaded } from '../../common/Loaded/Loaded';
import { useAsync } from '../../common/useAsync';
import { formatNumber } from '../../format';
import { t } from '../../i18n';
import type { AdminApi } from '../adminApi';
import { useDashboardStyles } from './useDashboardStyles.styles';

/** How many meetings were offered for shadowing and how many were shadowed: counts only, withheld when too few pairs make them up. */
export function ShadowingCounts({ programmeId, calls }: { programmeId: string; calls: AdminApi }) {
  const styles = useDashboardStyles();
  const counts = useAsync(() => calls.shadowingCounts(programmeId), [calls, programmeId]);
  const shown = (value: number | null, threshold: number) => (value === null ? t('dashboard.shadowing.withheld', { threshold }) : formatNumber(value));
  return (
    <Section title={t('dashboard.shadowing.heading')}>
      <Loaded result={counts}>
        {(data) => (
          <dl className={styles.chart}>
            <dt className={styles.label}>{t('dashboard.shadowing.offers')}</dt>
            <dd className={data.offers === null ? styles.suppressedValue : styles.value}>{shown(data.offers, data.threshold)}</dd>
            <dt className={styles.label}>{t('dashboard.shadowing.shadowed')}</dt>
            <dd className={data.shadowed === null ? styles.suppressedValue : styles.value}>{shown(data.shadowed, data.threshold)}</dd>
          </dl>
        )}
      </Loaded>
    </Section>
  );
}
