import { Field, Select } from '@fluentui/react-components';
import { Loaded } from '../../common/Loaded/Loaded';
import { label, t } from '../../i18n';
import { NoPairPage } from '../../noPair/NoPairPage';
import { Agenda } from '../Agenda/Agenda';
import { Charter } from '../Charter/Charter';
import { Confidential } from '../Confidential/Confidential';
import { GuideCard } from '../../guides/GuideCard';
import { Journal } from '../Journal/Journal';
import { NextStepCard } from '../../journey/NextStepCard';
import { PromptsCard } from '../../journey/PromptsCard';
import { TrainingCard } from '../../journey/TrainingCard';
import { PartnerCard } from '../PartnerCard/PartnerCard';
import { PraiseCard } from '../PraiseCard/PraiseCard';
import { NextSession, PastSessions } from '../Sessions/Sessions';
import { ShadowingCard } from '../Shadowing/ShadowingCard';
import { StoryCard } from '../Story/StoryCard';
import { SurveysCard } from '../Surveys/SurveysCard';
import { Timeline } from '../Timeline/Timeline';
import { useWorkspace } from './useWorkspace';
import { useWorkspacePageStyles } from './useWorkspacePageStyles.styles';

/** Shadowing begins once the relationship runs; an ended pair still reads what was observed. */
const shadowingStatuses = new Set(['active', 'paused', 'ended']);

/** The pair workspace: everything a pair shares, and the private journal, on one page. */
export function WorkspacePage() {
  const styles = useWorkspacePageStyles();
  const { calls, pairs, pairId, choose, workspace } = useWorkspace();
  const reload = () => Promise.all([workspace.reload(), pairs.reload()]);
  const props = { calls, reload };
  return (
    <Loaded result={pairs}>
      {(list) =>
        list.length === 0 ? (
          <NoPairPage />
        ) : (
          <div className={styles.root}>
            <h1 className={styles.title}>{t('workspace.title')}</h1>
            {list.length > 1 && (
              <Field label={t('workspace.choosePair')}>
                <Select value={pairId ?? ''} onChange={(_e, d) => choose(d.value)}>
                  {list.map((p) => (
                    <option key={p.id} value={p.id}>
                      {t('workspace.pairOption', { partner: p.partner.displayName, programme: p.programme.name, status: label('pairStatus', p.status) })}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Loaded result={workspace}>
              {(ws) =>
                ws && (
                  <>
                  <NextStepCard ws={ws} />
                  <div className={styles.grid}>
                    <div className={styles.column}>
                      <PartnerCard pair={ws.pair} {...props} />
                      <Timeline timeline={ws.timeline} />
                      <NextSession ws={ws} {...props} />
                      <Agenda ws={ws} {...props} />
                      <PromptsCard ws={ws} {...props} />
                      {shadowingStatuses.has(ws.pair.status) && <ShadowingCard pair={ws.pair} {...props} />}
                      <PastSessions ws={ws} {...props} />
                    </div>
                    <div className={styles.column}>
                      <SurveysCard onRepairRequested={reload} />
                      <Charter ws={ws} {...props} />
                      <TrainingCard ws={ws} {...props} />
                      <Journal ws={ws} {...props} />
                      <PraiseCard ws={ws} {...props} />
                      <StoryCard pair={ws.pair} calls={calls} />
                      <GuideCard role={ws.pair.myRole} guide={ws.guide} guidelines={ws.guidelines} />
                      <Confidential pair={ws.pair} {...props} />
                    </div>
                  </div>
                  </>
                )
              }
            </Loaded>
          </div>
        )
      }
    </Loaded>
  );
}
