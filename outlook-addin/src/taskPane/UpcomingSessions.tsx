import { Button, Card, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { BookedSession } from '../../../shared/api/booking';
import { SessionSummary } from './SessionSummary';
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
    <section aria-label="Your upcoming sessions" className={styles.section}>
      <Text as="h2" weight="semibold">
        Your upcoming sessions
      </Text>
      {sessions.length === 0 ? <Text>None booked yet.</Text> : null}
      <ul className={styles.list}>
        {sessions.map((s) => (
          <li key={s.id}>
            <Card className={styles.card} aria-label={`Session ${sessionWhen(s)}`}>
              <SessionSummary session={s} />
              {s.canChange ? (
                confirming === s.id ? (
                  <div className={styles.actions} role="group" aria-label="Confirm cancelling">
                    <Text>Cancel this session? You both get a cancellation.</Text>
                    <Button appearance="primary" disabled={busy} onClick={() => void onCancel(s).then(() => setConfirming(null))}>
                      Yes, cancel it
                    </Button>
                    <Button disabled={busy} onClick={() => setConfirming(null)}>
                      Keep it
                    </Button>
                  </div>
                ) : (
                  <div className={styles.actions}>
                    {moving?.id === s.id ? (
                      <Button disabled={busy} onClick={() => onMove(null)}>
                        Stop rescheduling
                      </Button>
                    ) : (
                      <Button disabled={busy} onClick={() => onMove(s)}>
                        Reschedule
                      </Button>
                    )}
                    <Button disabled={busy} onClick={() => setConfirming(s.id)}>
                      Cancel session
                    </Button>
                  </div>
                )
              ) : (
                <Text size={200} className={styles.why}>
                  It is in {s.invitation.partner.displayName}’s calendar: ask them to move or cancel it.
                </Text>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
