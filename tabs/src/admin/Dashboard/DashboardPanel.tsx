import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import { Loaded } from '../../common/Loaded/Loaded';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { t } from '../../i18n';
import type { AdminApi } from '../adminApi';
import { BarChart } from './BarChart';
import { FigureTable } from './FigureTable';
import { hasSuppressed, insightCharts } from './insightCharts';
import { ShadowingCounts } from './ShadowingCounts';
import { TrainingCounts } from './TrainingCounts';
import { useDashboard } from './useDashboard';
import { useDashboardStyles } from './useDashboardStyles.styles';


/** Programme insight for admins: aggregates only, each chart with its table view, filtered by department and months. */
export function DashboardPanel({ programmeId, calls }: { programmeId: string; calls: AdminApi }) {
  const styles = useDashboardStyles();
  const { filter, change, insight, download, exporting, downloaded } = useDashboard(calls, programmeId);
  const ready = insight.state.status === 'ready' ? insight.state.data : null;
  return (
    <>
      <Section title={t('dashboard.filters')}>
        <div className={styles.filters}>
          <Field label={t('dashboard.department')}>
            <Select value={filter.department ?? ''} disabled={!ready} onChange={(_e, d) => change({ department: d.value || null })}>
              <option value="">{t('dashboard.allDepartments')}</option>
              {ready?.departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('dashboard.from')}>
            <Select value={filter.from ?? ready?.filter.from ?? ''} disabled={!ready} onChange={(_e, d) => change({ from: d.value })}>
              {ready?.months.filter((mo) => mo <= (filter.to ?? ready.filter.to)).map((mo) => (
                <option key={mo} value={mo}>
                  {mo}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('dashboard.to')}>
            <Select value={filter.to ?? ready?.filter.to ?? ''} disabled={!ready} onChange={(_e, d) => change({ to: d.value })}>
              {ready?.months.filter((mo) => mo >= (filter.from ?? ready.filter.from)).map((mo) => (
                <option key={mo} value={mo}>
                  {mo}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={!ready || exporting.busy} onClick={download}>
            {t('dashboard.download')}
          </Button>
        </div>
        {downloaded && <p role="status" className={styles.note}>{t('dashboard.downloaded', { name: downloaded })}</p>}
        {exporting.problem && <ProblemMessage problem={exporting.problem} />}
      </Section>
      <Loaded result={insight}>
        {(data) =>
          data.tables.find((t) => t.id === 'participation')?.total.count === 0 && filter.department === null ? (
            <p className={styles.note}>{t('dashboard.empty')}</p>
          ) : (
            <>
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('dashboard.anonymityTitle')}</MessageBarTitle>
                  {t('dashboard.anonymity', { threshold: data.threshold })}
                </MessageBarBody>
              </MessageBar>
              <div className={styles.grid}>
                {insightCharts(data).map((chart) => (
                  <Section key={chart.id} title={chart.title}>
                    <BarChart chart={chart} threshold={data.threshold} />
                    <FigureTable chart={chart} threshold={data.threshold} />
                    {hasSuppressed(chart) && <p className={styles.note}>{t('dashboard.tableHasSuppressed', { threshold: data.threshold })}</p>}
                  </Section>
                ))}
                <ShadowingCounts programmeId={programmeId} calls={calls} />
              </div>
            </>
          )
        }
      </Loaded>
      {/* Training counts are the whole programme's, with no filter: shown even when the filtered charts are empty. */}
      <TrainingCounts programmeId={programmeId} calls={calls} />
    </>
  );
}
