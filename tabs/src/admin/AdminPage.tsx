import { Field, Select, Tab, TabList } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useApp } from '../app/appContext';
import { Loaded } from '../common/Loaded/Loaded';
import { useAsync } from '../common/useAsync';
import { t } from '../i18n';
import { useWorkspacePageStyles } from '../workspace/WorkspacePage/useWorkspacePageStyles.styles';
import { adminApi } from './adminApi';
import { AuditLogPanel } from './AuditLogPanel';
import { ConcernsPanel } from './ConcernsPanel';
import { DashboardPanel } from './Dashboard/DashboardPanel';
import { MatchingPanel } from './MatchingPanel';
import { PairsPanel } from './PairsBoard/PairsPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import { ProgrammesPanel } from './ProgrammesPanel';
import { StoriesPanel } from './StoriesPanel';
import { TrainingPanel } from './TrainingPanel';
import { useAdminPageStyles } from './useAdminPageStyles.styles';

type Panel = 'programmes' | 'participants' | 'pairs' | 'matching' | 'training' | 'dashboard' | 'stories' | 'concerns' | 'audit';
const panels: readonly Panel[] = ['programmes', 'participants', 'pairs', 'matching', 'training', 'dashboard', 'stories', 'concerns', 'audit'];
/** Panels about one programme show the programme picker; the others span the tenant. */
const perProgramme: readonly Panel[] = ['participants', 'pairs', 'matching', 'training', 'dashboard', 'stories'];

/** Programme admin: programmes, participants (with CSV import), the pairs board, matching review, training curriculum, dashboard, stories, concerns and the audit log. Loaded on demand. */
export default function AdminPage() {
  const styles = useWorkspacePageStyles();
  const adminStyles = useAdminPageStyles();
  const { api, me } = useApp();
  const calls = useMemo(() => adminApi(api), [api]);
  const [panel, setPanel] = useState<Panel>('programmes');
  const programmes = useAsync(() => calls.programmes(), [calls]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!me.isAdmin) return <p role="alert">{t('admin.forbidden')}</p>;
  const list = programmes.state.status === 'ready' ? programmes.state.data : [];
  const programmeId = chosen ?? list[0]?.id ?? null;
  return (
    <div className={styles.root}>
      <h1 className={styles.title}>{t('admin.title')}</h1>
      <TabList className={adminStyles.tabs} selectedValue={panel} onTabSelect={(_e, d) => setPanel(d.value as Panel)}>
        {panels.map((p) => (
          <Tab key={p} value={p}>
            {t(`admin.tabs.${p}`)}
          </Tab>
        ))}
      </TabList>
      <Loaded result={programmes}>{(data) => panel === 'programmes' && <ProgrammesPanel programmes={data} calls={calls} onChanged={() => void programmes.reload()} />}</Loaded>
      {perProgramme.includes(panel) && list.length > 0 && (
        <Field label={t('admin.chooseProgramme')}>
          <Select value={programmeId ?? ''} onChange={(_e, d) => setChosen(d.value)}>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {panel === 'participants' && programmeId && <ParticipantsPanel programmeId={programmeId} calls={calls} />}
      {panel === 'pairs' && programmeId && <PairsPanel key={programmeId} programmeId={programmeId} calls={calls} />}
      {panel === 'matching' && programmeId && <MatchingPanel programmeId={programmeId} calls={calls} />}
      {panel === 'dashboard' && programmes.state.status === 'ready' && !programmeId && <p>{t('dashboard.noProgramme')}</p>}
      {panel === 'training' && programmeId && <TrainingPanel key={programmeId} programmeId={programmeId} calls={calls} />}
      {panel === 'dashboard' && programmeId && <DashboardPanel key={programmeId} programmeId={programmeId} calls={calls} />}
      {panel === 'stories' && programmeId && <StoriesPanel key={programmeId} programmeId={programmeId} calls={calls} />}
      {panel === 'concerns' && <ConcernsPanel calls={calls} />}
      {panel === 'audit' && <AuditLogPanel calls={calls} />}
    </div>
  );
}
