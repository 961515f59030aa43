import { useMemo } from 'react';
import { workspaceApi } from '../api/workspaceApi';
import { useApp } from '../app/appContext';
import { Loaded } from '../common/Loaded/Loaded';
import { Section } from '../common/Section/Section';
import { useAsync } from '../common/useAsync';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import { Agenda } from '../workspace/Agenda/Agenda';
import { Outcomes } from '../workspace/Sessions/Sessions';
import { useMeetingPanelStyles } from './useMeetingPanelStyles.styles';

/**
 * The pair's workspace in their Teams meeting's side panel: the agenda in order, then the
 * session's take-aways and commitments, one narrow column. The same workspace read and the same
 * commands as the workspace page, so what the pair does here is what the workspace shows.
 */
export function MeetingPanel({ pairId, sessionId }: { pairId: string; sessionId: string }) {
  const styles = useMeetingPanelStyles();
  const { api } = useApp();
  const calls = useMemo(() => workspaceApi(api), [api]);
  const workspace = useAsync(() => calls.workspace(pairId), [calls, pairId]);
  const props = { calls, reload: workspace.reload };
  return (
    <main className={styles.root}>
      <Loaded result={workspace}>
        {(ws) => {
          const session = [...ws.upcomingSessions, ...ws.pastSessions].find((s) => s.id === sessionId);
          return (
            <>
              <h1 className={styles.title}>{session ? t('meeting.titleAt', { start: formatDateTime(session.startsAt) }) : t('meeting.title')}</h1>
              <Agenda ws={ws} {...props} />
              <Section title={t('meeting.outcomesHeading')} hint={t('meeting.outcomesHint')}>
                {session ? <Outcomes ws={ws} sessionId={session.id} {...props} /> : <p role="status">{t('meeting.sessionGone')}</p>}
              </Section>
            </>
          );
        }}
      </Loaded>
    </main>
  );
}
