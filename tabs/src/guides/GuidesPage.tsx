import { useMemo } from 'react';
import { workspaceApi } from '../api/workspaceApi';
import { useApp } from '../app/appContext';
import { Loading } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { useWorkspacePageStyles } from '../workspace/WorkspacePage/useWorkspacePageStyles.styles';
import { t } from '../i18n';
import { GeneralGuidance, GuideCard } from './GuideCard';

/** Guides for my role in each live pair, and the general guidance everyone gets. */
export function GuidesPage() {
  const styles = useWorkspacePageStyles();
  const { api } = useApp();
  const calls = useMemo(() => workspaceApi(api), [api]);
  const guides = useAsync(async () => {
    const { pairs } = await calls.pairs();
    const live = pairs.filter((p) => p.status !== 'ended');
    // A pair whose workspace cannot be read still leaves the general guidance to show.
    return Promise.all(live.map((p) => calls.workspace(p.id).then((w) => ({ id: p.id, role: w.pair.myRole, guide: w.guide, guidelines: w.guidelines }), () => null)));
  }, [calls]);
  return (
    <div className={styles.root}>
      <h1 className={styles.title}>{t('guides.heading')}</h1>
      {guides.state.status === 'loading' && <Loading />}
      {guides.state.status === 'ready' && guides.state.data.map((g) => g && <GuideCard key={g.id} role={g.role} guide={g.guide} guidelines={g.guidelines} />)}
      <GeneralGuidance />
    </div>
  );
}
