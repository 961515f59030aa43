import { Field, Select } from '@fluentui/react-components';
import { Loading } from '../../common/Loading';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { messages } from '../../messages';
import { NoPairPage } from '../../noPair/NoPairPage';
import { Agenda } from '../Agenda/Agenda';
import { Charter } from '../Charter/Charter';
import { Confidential } from '../Confidential/Confidential';
import { GuideCard } from '../../guides/GuideCard';
import { Journal } from '../Journal/Journal';
import { PartnerCard } from '../PartnerCard/PartnerCard';
import { PraiseCard } from '../PraiseCard/PraiseCard';
import { NextSession, PastSessions } from '../Sessions/Sessions';
import { StoryCard } from '../Story/StoryCard';
import { SurveysCard } from '../Surveys/SurveysCard';
import { Timeline } from '../Timeline/Timeline';
import { useWorkspace } from './useWorkspace';
import { useWorkspacePageStyles } from './useWorkspacePageStyles.styles';

/** The pair workspace: everything a pair shares, and the private journal, on one page. */
export function WorkspacePage() {
  const styles = useWorkspacePageStyles();
  const { calls, pairs, pairId, choose, workspace } = useWorkspace();

  if (pairs.state.status === 'loading') return <Loading />;
  if (pairs.state.status === 'error') return <ProblemMessage problem={pairs.state.problem} onRetry={() => void pairs.reload()} />;
  if (pairs.state.data.length === 0) return <NoPairPage />;

  const reload = () => Promise.all([workspace.reload(), pairs.reload()]);
  const props = { calls, reload };
  return (
    <div className={styles.root}>
      <h1 className={styles.title}>{messages.workspace.title}</h1>
      {pairs.state.data.length > 1 && (
        <Field label={messages.workspace.choosePair}>
          <Select value={pairId ?? ''} onChange={(_e, d) => choose(d.value)}>
            {pairs.state.data.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.partner.displayName} · ${p.programme.name} · ${messages.pairStatus[p.status] ?? p.status}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {workspace.state.status === 'loading' && <Loading />}
      {workspace.state.status === 'error' && <ProblemMessage problem={workspace.state.problem} onRetry={() => void workspace.reload()} />}
      {workspace.state.status === 'ready' && workspace.state.data && (
        <div className={styles.grid}>
          <div className={styles.column}>
            <PartnerCard pair={workspace.state.data.pair} {...props} />
            <Timeline timeline={workspace.state.data.timeline} />
            <NextSession next={workspace.state.data.nextSession} pair={workspace.state.data.pair} />
            <Agenda ws={workspace.state.data} {...props} />
            <PastSessions ws={workspace.state.data} {...props} />
          </div>
          <div className={styles.column}>
            <SurveysCard onRepairRequested={reload} />
            <Charter ws={workspace.state.data} {...props} />
            <Journal ws={workspace.state.data} {...props} />
            <PraiseCard ws={workspace.state.data} {...props} />
            <StoryCard pair={workspace.state.data.pair} calls={calls} />
            <GuideCard role={workspace.state.data.pair.myRole} guide={workspace.state.data.guide} />
            <Confidential pair={workspace.state.data.pair} {...props} />
          </div>
        </div>
      )}
    </div>
  );
}
