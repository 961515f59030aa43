import { useEffect, useMemo } from 'react';
import { meetingTabConfiguration, meetingThreadOf } from '../../../shared/meetingTab';
import { workspaceApi } from '../api/workspaceApi';
import { useApp } from '../app/appContext';
import { Loaded } from '../common/Loaded/Loaded';
import { useAsync } from '../common/useAsync';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import { useMeetingPanelStyles } from './useMeetingPanelStyles.styles';

type Api = ReturnType<typeof workspaceApi>;

interface SessionInMeeting {
  pairId: string;
  sessionId: string;
  partnerName: string;
  startsAt: string;
}

/** The person's session held in this meeting's chat, found by the meeting's join address; null when they have none there. */
async function sessionInMeeting(calls: Api, chatId: string): Promise<SessionInMeeting | null> {
  const { pairs } = await calls.pairs();
  for (const pair of pairs) {
    const ws = await calls.workspace(pair.id);
    const session = [...ws.upcomingSessions, ...ws.pastSessions].find((s) => s.status !== 'cancelled' && s.joinUrl !== null && meetingThreadOf(s.joinUrl) === chatId);
    if (session) return { pairId: pair.id, sessionId: session.id, partnerName: pair.partner.displayName, startsAt: session.startsAt };
  }
  return null;
}

/**
 * Teams' configuration page of the meeting tab (`#/meeting-setup`), shown when a person adds
 * Upward to a meeting by hand: it says what the tab shows and whose session it is, and lets Teams
 * save the same tab Upward pins itself. Someone without a session in this meeting is told why
 * nothing can be added, and Save stays disabled.
 */
export function MeetingSetup() {
  const styles = useMeetingPanelStyles();
  const { api, host } = useApp();
  const setup = host.tabSetup;
  const calls = useMemo(() => workspaceApi(api), [api]);
  const found = useAsync(() => (setup ? sessionInMeeting(calls, setup.chatId) : Promise.resolve(null)), [calls, setup]);
  const { state } = found;
  useEffect(() => {
    if (!setup || state.status !== 'ready') return;
    const session = state.data;
    const tabBase = `${window.location.origin}${window.location.pathname}`;
    setup.offer(session ? { ...meetingTabConfiguration(tabBase, session.pairId, session.sessionId), suggestedDisplayName: t('meetingSetup.tabName') } : null);
  }, [setup, state]);

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t('meetingSetup.title')}</h1>
      {setup ? (
        <Loaded result={found} loadingLabel={t('meetingSetup.looking')}>
          {(session) =>
            session ? (
              <>
                <p>{t('meetingSetup.forSession', { partner: session.partnerName, start: formatDateTime(session.startsAt) })}</p>
                <p>{t('meetingSetup.whatItShows')}</p>
                <p>{t('meetingSetup.privacy')}</p>
                <p>{t('meetingSetup.pressSave')}</p>
              </>
            ) : (
              <p role="status">{t('meetingSetup.noSession')}</p>
            )
          }
        </Loaded>
      ) : (
        <p role="status">{t('meetingSetup.outsideTeams')}</p>
      )}
    </main>
  );
}
