import { Button, Link } from '@fluentui/react-components';
import type { Commitment, PairView, Session, Takeaway, Workspace } from '../../api/types';
import { useApp } from '../../app/appContext';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { useAction } from '../../common/useAsync';
import { formatDate, formatDateTime } from '../../format';
import { messages } from '../../messages';
import type { SectionProps } from '../sectionProps';


function venueText(session: Session): string {
  const kind = session.venue.kind ? (messages.sessions.venue[session.venue.kind] ?? session.venue.kind) : '';
  return [kind, session.venue.displayName].filter(Boolean).join(': ');
}

/**
 * Planning happens in the calendar, where the Upward add-in finds a slot and a neutral place; the
 * host opens a new meeting with a neutral subject (what the pair discusses stays private) and a
 * link back to the workspace.
 */
export function NextSession({ next, pair }: { next: Session | null; pair: PairView }) {
  const styles = useFormStyles();
  const { host } = useApp();
  return (
    <Section title={messages.sessions.nextHeading}>
      {next ? (
        <div className={styles.item}>
          <strong>{formatDateTime(next.startsAt)}</strong>
          <span>{venueText(next)}</span>
          {next.joinUrl && (
            <Link href={next.joinUrl} target="_blank" rel="noopener">
              {messages.sessions.join}
            </Link>
          )}
        </div>
      ) : (
        <p className={styles.empty}>{messages.sessions.noneNext}</p>
      )}
      <div className={styles.row}>
        <Button
          onClick={() => host.planMeeting({ subject: messages.sessions.neutralSubject, body: messages.sessions.inviteBody(host.workspaceLink(pair.id)), attendees: [pair.partner.userId] })}
        >{messages.sessions.plan}</Button>
        <span className={styles.meta}>{messages.sessions.planHint}</span>
      </div>
    </Section>
  );
}

function Outcomes({ takeaways, commitments, pairId, calls, reload }: { takeaways: Takeaway[]; commitments: Commitment[]; pairId: string } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  return (
    <>
      {takeaways.length > 0 && (
        <>
          <h4 className={styles.text}>{messages.sessions.takeawaysHeading}</h4>
          <ul className={styles.list}>
            {takeaways.map((t) => (
              <li key={t.id}>
                {t.text}
                {t.status === 'proposed' && <span className={styles.meta}> ({messages.sessions.proposedTakeaway})</span>}
                {t.canConfirm && (
                  <Button size="small" disabled={action.busy} onClick={() => void action.run(() => calls.confirmTakeaway(pairId, t.id)).then((ok) => ok && reload())}>
                    {messages.sessions.confirm}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {commitments.length > 0 && (
        <>
          <h4 className={styles.text}>{messages.sessions.commitmentsHeading}</h4>
          <ul className={styles.list}>
            {commitments.map((c) => (
              <li key={c.id}>
                {c.text} <span className={styles.meta}>({messages.sessions.commitmentStatus[c.status] ?? c.status}{c.dueOn ? `, ${formatDate(c.dueOn)}` : ''})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
    </>
  );
}

/** Sessions that took place, each with its agreed take-aways and the leader's commitments. */
export function PastSessions({ ws, ...props }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const past = ws.pastSessions;
  const loose = { takeaways: ws.takeaways.filter((t) => t.sessionId === null), commitments: ws.commitments.filter((c) => c.sessionId === null) };
  const nothing = past.length === 0 && loose.takeaways.length === 0 && loose.commitments.length === 0;
  return (
    <Section title={messages.sessions.pastHeading}>
      {nothing && <p className={styles.empty}>{messages.sessions.nonePast}</p>}
      <ul className={styles.list}>
        {past.map((s) => (
          <li key={s.id} className={styles.item}>
            <h3 className={styles.text}>{formatDateTime(s.startsAt)}</h3>
            <span className={styles.meta}>{venueText(s)}</span>
            <Outcomes takeaways={ws.takeaways.filter((t) => t.sessionId === s.id)} commitments={ws.commitments.filter((c) => c.sessionId === s.id)} pairId={ws.pair.id} {...props} />
          </li>
        ))}
        {(loose.takeaways.length > 0 || loose.commitments.length > 0) && (
          <li className={styles.item}>
            <h3 className={styles.text}>{messages.sessions.otherHeading}</h3>
            <Outcomes {...loose} pairId={ws.pair.id} {...props} />
          </li>
        )}
      </ul>
    </Section>
  );
}
