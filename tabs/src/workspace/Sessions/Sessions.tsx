import { Button, Field, Input, Link, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { maxTakeawaysPerSession } from '../../../../shared/takeaways';
import type { SessionView, Workspace } from '../../../../shared/api/workspace';
import { useApp } from '../../app/appContext';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { TextForm } from '../../common/TextForm/TextForm';
import { useAction } from '../../common/useAsync';
import { formatDate, formatDateTime } from '../../format';
import { label, t } from '../../i18n';
import type { SectionProps } from '../sectionProps';


function venueText(session: SessionView): string {
  const kind = session.venue.kind ? (label('sessions.venue', session.venue.kind)) : '';
  return [kind, session.venue.displayName].filter(Boolean).join(': ');
}

/**
 * Planning happens in the calendar, where the Upward add-in finds a slot and a neutral place; the
 * host opens a new meeting with a neutral subject (what the pair discusses stays private) and a
 * link back to the workspace.
 */
export function NextSession({ ws, ...props }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const { host } = useApp();
  const next = ws.nextSession;
  const pair = ws.pair;
  // A session under way: what the pair proposes and confirms during it (also from the meeting's side panel) shows here.
  const [openedAt] = useState(() => Date.now());
  const underWay = next !== null && Date.parse(next.startsAt) <= openedAt;
  return (
    <Section title={t('sessions.nextHeading')}>
      {next ? (
        <div className={styles.item}>
          <strong>{formatDateTime(next.startsAt)}</strong>
          <span>{venueText(next)}</span>
          {next.venue.roomDeclined && <span role="status">{t('sessions.roomDeclined')}</span>}
          {next.joinUrl && (
            <Link href={next.joinUrl} target="_blank" rel="noopener">
              {t('sessions.join')}
            </Link>
          )}
          {underWay && <Outcomes ws={ws} sessionId={next.id} {...props} />}
        </div>
      ) : (
        <p className={styles.empty}>{t('sessions.noneNext')}</p>
      )}
      <div className={styles.row}>
        <Button
          onClick={() => host.planMeeting({ subject: t('sessions.neutralSubject'), body: t('sessions.inviteBody', { link: host.workspaceLink(pair.id) }), attendees: [pair.partner.userId] })}
        >{t('sessions.plan')}</Button>
        <span className={styles.meta}>{t('sessions.planHint')}</span>
      </div>
    </Section>
  );
}

/** A session's take-aways (proposed, confirmed) and commitments; the workspace and the meeting side panel both show them. */
export function Outcomes({ ws, sessionId, calls, reload }: { ws: Workspace; sessionId: string | null } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const pairId = ws.pair.id;
  const takeaways = ws.takeaways.filter((t) => t.sessionId === sessionId);
  const commitments = ws.commitments.filter((c) => c.sessionId === sessionId);
  const mine = takeaways.filter((t) => t.proposedBy === 'me').length;
  const act = (call: () => Promise<unknown>) => void action.run(call).then((ok) => ok && reload());
  return (
    <>
      {takeaways.length > 0 && (
        <>
          <h4 className={styles.text}>{t('sessions.takeawaysHeading')}</h4>
          <ul className={styles.list}>
            {takeaways.map((takeaway) => (
              <li key={takeaway.id}>
                {takeaway.text}
                {takeaway.status === 'proposed' && <span className={styles.meta}> ({takeaway.proposedBy === 'me' ? t('sessions.proposedTakeaway') : t('sessions.partnerProposed')})</span>}
                {takeaway.canConfirm && (
                  <Button size="small" disabled={action.busy} aria-label={t('sessions.confirmNamed', { text: takeaway.text })} onClick={() => act(() => calls.confirmTakeaway(pairId, takeaway.id))}>
                    {t('sessions.confirm')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {sessionId && ws.abilities.proposeTakeaway && mine < maxTakeawaysPerSession && (
        <TextForm label={t('sessions.proposeLabel', { left: maxTakeawaysPerSession - mine })} submit={t('sessions.propose')} onSubmit={(text) => calls.proposeTakeaway(pairId, sessionId, text).then(reload)} />
      )}
      {commitments.length > 0 && (
        <>
          <h4 className={styles.text}>{t('sessions.commitmentsHeading')}</h4>
          <ul className={styles.list}>
            {commitments.map((c) => (
              <li key={c.id} className={styles.row}>
                <span>
                  {c.text} <span className={styles.meta}>({label('sessions.commitmentStatus', c.status)}{c.dueOn ? `, ${t('sessions.due', { date: formatDate(c.dueOn) })}` : ''})</span>
                </span>
                {ws.abilities.recordCommitment &&
                  (c.status === 'open' ? (
                    <>
                      <Button size="small" disabled={action.busy} aria-label={t('sessions.markKept', { text: c.text })} onClick={() => act(() => calls.setCommitmentStatus(pairId, c.id, 'kept'))}>
                        {t('sessions.kept')}
                      </Button>
                      <Button size="small" appearance="subtle" disabled={action.busy} aria-label={t('sessions.markDropped', { text: c.text })} onClick={() => act(() => calls.setCommitmentStatus(pairId, c.id, 'dropped'))}>
                        {t('sessions.dropped')}
                      </Button>
                    </>
                  ) : (
                    <Button size="small" appearance="subtle" disabled={action.busy} aria-label={t('sessions.reopen', { text: c.text })} onClick={() => act(() => calls.setCommitmentStatus(pairId, c.id, 'open'))}>
                      {t('sessions.reopenShort')}
                    </Button>
                  ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
    </>
  );
}

/** The mentee records a commitment, with an optional date the bot follows it up on, tied to a past session or not. */
function CommitmentForm({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const latest = ws.pastSessions[ws.pastSessions.length - 1]?.id ?? '';
  const [sessionId, setSessionId] = useState(latest);
  const fieldError = (field: string) => action.problem?.errors.find((e) => e.field === field)?.message;
  return (
    <form
      className={styles.form}
      aria-label={t('sessions.commitmentHeading')}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => calls.recordCommitment(ws.pair.id, { text, dueOn: dueOn || null, sessionId: sessionId || null }).then(reload)).then((ok) => {
          if (!ok) return;
          setText('');
          setDueOn('');
        });
      }}
    >
      <h3 className={styles.text}>{t('sessions.commitmentHeading')}</h3>
      <Field label={t('sessions.commitmentLabel')} validationMessage={fieldError('text')}>
        <Textarea value={text} rows={2} resize="vertical" onChange={(_e, d) => setText(d.value)} />
      </Field>
      <Field label={t('sessions.dueLabel')} hint={t('sessions.dueHint')} validationMessage={fieldError('dueOn')}>
        <Input type="date" value={dueOn} onChange={(_e, d) => setDueOn(d.value)} />
      </Field>
      {ws.pastSessions.length > 0 && (
        <Field label={t('sessions.fromSession')}>
          <Select value={sessionId} onChange={(_e, d) => setSessionId(d.value)}>
            <option value="">{t('sessions.noSession')}</option>
            {ws.pastSessions.map((s) => (
              <option key={s.id} value={s.id}>
                {formatDateTime(s.startsAt)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {t('sessions.record')}
        </Button>
      </div>
      {action.problem && action.problem.errors.length === 0 && <ProblemMessage problem={action.problem} />}
    </form>
  );
}

/** Sessions that took place, each with its agreed take-aways and the leader's commitments. */
export function PastSessions({ ws, ...props }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const past = ws.pastSessions;
  const loose = { takeaways: ws.takeaways.filter((t) => t.sessionId === null), commitments: ws.commitments.filter((c) => c.sessionId === null) };
  const nothing = past.length === 0 && loose.takeaways.length === 0 && loose.commitments.length === 0;
  return (
    <Section title={t('sessions.pastHeading')}>
      {nothing && <p className={styles.empty}>{t('sessions.nonePast')}</p>}
      <ul className={styles.list}>
        {past.map((s) => (
          <li key={s.id} className={styles.item}>
            <h3 className={styles.text}>{formatDateTime(s.startsAt)}</h3>
            <span className={styles.meta}>{venueText(s)}</span>
            <Outcomes ws={ws} sessionId={s.id} {...props} />
          </li>
        ))}
        {(loose.takeaways.length > 0 || loose.commitments.length > 0) && (
          <li className={styles.item}>
            <h3 className={styles.text}>{t('sessions.otherHeading')}</h3>
            <Outcomes ws={ws} sessionId={null} {...props} />
          </li>
        )}
      </ul>
      {ws.abilities.recordCommitment && <CommitmentForm ws={ws} {...props} />}
    </Section>
  );
}
