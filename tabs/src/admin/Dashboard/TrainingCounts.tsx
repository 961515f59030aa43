import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { Loaded } from '../../common/Loaded/Loaded';
import { Section } from '../../common/Section/Section';
import { useAsync } from '../../common/useAsync';
import { formatNumber } from '../../format';
import { t } from '../../i18n';
import { moduleWords } from '../../journey/moduleWords';
import type { AdminApi } from '../adminApi';
import { useDashboardStyles } from './useDashboardStyles.styles';

/** How many people finished each module of the programme's curriculum: counts only, never who, hidden when fewer than the threshold did. */
export function TrainingCounts({ programmeId, calls }: { programmeId: string; calls: AdminApi }) {
  const styles = useDashboardStyles();
  const counts = useAsync(() => calls.trainingCounts(programmeId), [calls, programmeId]);
  return (
    <Section title={t('dashboard.training.heading')} hint={t('dashboard.training.hint')}>
      <Loaded result={counts}>
        {(data) => (
          <div className={styles.tableWrap}>
            <Table className={styles.table} size="extra-small" aria-label={t('dashboard.training.heading')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('dashboard.training.module')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.training.audience')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.training.completed')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.modules.map((m) => (
                  <TableRow key={m.id}>
                    <TableHeaderCell scope="row">{m.title ?? moduleWords({ id: m.id, text: null }).title}</TableHeaderCell>
                    <TableCell>{t('trainingAdmin.audienceName', { audience: m.audience })}</TableCell>
                    <TableCell className={m.completed === null ? styles.suppressedValue : styles.value} data-suppressed={m.completed === null ? 'yes' : undefined}>
                      {m.completed === null ? t('dashboard.training.withheld', { threshold: data.threshold }) : formatNumber(m.completed)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Loaded>
    </Section>
  );
}
