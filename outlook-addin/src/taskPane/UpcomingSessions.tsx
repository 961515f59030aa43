import { Button, Card, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { BookedSession } from '../../../shared/api/booking';
import { SessionSummary } from './SessionSummary';
import { t } from '../i18n';
import { sessionWhen } from './sessionText';
import { useTaskPaneStyles } from './useTaskPaneStyles.styles';

interface Props {
  sessions: BookedSession[];
  busy: boolean;
  moving: BookedSession | null;
  onMove(session: BookedSession | null): void;
  onCancel(session: BookedSession): Promise<void>;
}

/** The pair's coming sessions, first thing in the pane: each can be moved or cancelled (after a confirmation) by whoever's calendar allows it. */
export function UpcomingSessions({ sessions, busy, moving, onMove, onCancel }: Props) {
  const styles = useTaskPaneStyles();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section aria-label={t('upcoming.heading')} className={styles.section}>
      <Text as="h2" weight="semibold">
        {t('upcoming.heading')}
      </Text>
      {sessions.length === 0 ? <Text>{t('upcoming.none')}</Text> : null}
      <ul className={styles.list}>
        {sessions.map((s) => (
          <li key={s.id}>
            <Card className={styles.card} aria-label={t('upcoming.session', { when: sessionWhen(s) })}>
              <SessionSummary session={s} />
              {s.canChange ? (
                confirming === s.id ? (
                  <div className={styles.actions} role="group" aria-label={t('upcoming.confirmLabel')}>
                    <Text>{t('upcoming.confirm')}</Text>
                    <Button appearance="primary" disabled={busy} onClick={() => void onCancel(s).then(() => setConfirming(null))}>
                      {t('upcoming.yesCancel')}
                    </Button>
                    <Button disabled={busy} onClick={() => setConfirming(null)}>
                      {t('upcoming.keep')}
                    </Button>
                  </div>
                ) : (
                  <div className={styles.actions}>
                    {moving?.id === s.id ? (
                      <Button disabled={busy} onClick={() => onMove(null)}>
                        {t('upcoming.stopRescheduling')}
                      </Button>
                    ) : (
                      <Button disabled={busy} onClick={() => onMove(s)}>
                        {t('upcoming.reschedule')}
                      </Button>
                    )}
                    <Button disabled={busy} onClick={() => setConfirming(s.id)}>
                      {t('upcoming.cancel')}
                    </Button>
                  </div>
                )
              ) : (
                <Text size={200} className={styles.why}>
                  {t('upcoming.partnersCalendar', { partner: s.invitation.partner.displayName })}
                </Text>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
