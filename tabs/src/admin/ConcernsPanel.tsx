import { Field, Link, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { AdminConcernView } from '../../../shared/api/workspace';
import { concernCategorySchema, concernSeveritySchema, concernStatusSchema } from '../../../shared/schemas/workspace';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { TextForm } from '../common/TextForm/TextForm';
import { useAction, useAsync } from '../common/useAsync';
import { formatDateTime } from '../format';
import { label, t } from '../i18n';
import type { AdminApi, ConcernStatus } from './adminApi';

/** One step of a concern's history, as the admins read it. */
function historyLine(e: AdminConcernView['history'][number]): string {
  const when = formatDateTime(e.at);
  if (e.kind === 'status') return t('concern.history.status', { when, by: e.byName, status: label('concerns.status', e.status ?? 'open') });
  return t(e.kind === 'reply' ? 'concern.history.reply' : 'concern.history.note', { when, by: e.byName, text: e.text ?? '' });
}

/** The three ways an admin sorts a concern, each a choice among its schema's values. */
const choices = [
  { field: 'status', title: 'concerns.column.status', options: concernStatusSchema.options, labels: 'concerns.status' },
  { field: 'category', title: 'concern.category', options: concernCategorySchema.options, labels: 'concern.categories' },
  { field: 'severity', title: 'concern.severity', options: concernSeveritySchema.options, labels: 'concern.severities' },
] as const;

/** One concern: who raised it and about whom, its sorting, history, and a reply or note to write. */
function ConcernItem({ concern, calls, onChanged }: { concern: AdminConcernView; calls: AdminApi; onChanged: () => Promise<void> }) {
  const styles = useFormStyles();
  const action = useAction();
  const about = concern.pair ? t('concern.aboutPair', { mentor: concern.pair.mentorName, mentee: concern.pair.menteeName, programme: concern.programmeName }) : t('concern.aboutProgramme', { programme: concern.programmeName });
  const title = t('concern.title', { kind: concern.kind, name: concern.raisedBy.name, date: formatDateTime(concern.createdAt) });
  // What the admin just chose, shown until the list reloads, so a control never jumps back meanwhile.
  const [chosen, setChosen] = useState<Partial<Record<'status' | 'category' | 'severity', string>>>({});
  const choose = (field: 'status' | 'category' | 'severity', value: string) => {
    setChosen((c) => ({ ...c, [field]: value }));
    void action
      .run(() => calls.changeConcern(concern.id, { [field]: value }))
      .then((ok) => (ok ? onChanged() : undefined))
      .finally(() => setChosen(({ [field]: _done, ...rest }) => rest));
  };
  return (
    <li className={styles.item} aria-label={title}>
      <strong>{title}</strong>
      <span className={styles.meta}>{about}</span>
      <p className={styles.text}>{concern.text}</p>
      <div className={styles.row}>
        {choices.map((c) => (
          <Field key={c.field} label={t(c.title)} size="small">
            <Select size="small" value={chosen[c.field] ?? concern[c.field]} disabled={action.busy} onChange={(_e, d) => choose(c.field, d.value)}>
              {c.options.map((o) => (
                <option key={o} value={o}>
                  {label(c.labels, o)}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {concern.escalationContact ? (
        <span>
          {t('concern.escalateTo')} <Link href={`mailto:${concern.escalationContact.email}`}>{t('concern.contact', concern.escalationContact)}</Link>
        </span>
      ) : (
        <span className={styles.meta}>{t('concern.noEscalation')}</span>
      )}
      <ul className={styles.list} aria-label={t('concern.historyLabel')}>
        <li className={styles.meta}>{t('concern.history.raised', { when: formatDateTime(concern.createdAt), by: concern.raisedBy.name })}</li>
        {concern.history.map((e, i) => (
          <li key={i} className={e.kind === 'note' ? styles.meta : undefined}>
            {historyLine(e)}
          </li>
        ))}
      </ul>
      <TextForm label={t('concern.replyLabel', { name: concern.raisedBy.name })} submit={t('concern.reply')} onSubmit={(text) => calls.writeOnConcern(concern.id, 'replies', text).then(onChanged)} />
      <TextForm label={t('concern.noteLabel')} submit={t('concern.note')} onSubmit={(text) => calls.writeOnConcern(concern.id, 'notes', text).then(onChanged)} />
      {action.problem && <ProblemMessage problem={action.problem} />}
    </li>
  );
}

/** Concerns and re-pair requests from every programme of the tenant: who raised each and about whom, to sort, answer and note. */
export function ConcernsPanel({ calls }: { calls: AdminApi }) {
  const styles = useFormStyles();
  const [status, setStatus] = useState<ConcernStatus | null>(null);
  const concerns = useAsync(() => calls.concerns(status), [calls, status]);
  return (
    <Section title={t('concerns.heading')} hint={t('concerns.hint')}>
      <Field label={t('concerns.filter')}>
        <Select value={status ?? ''} onChange={(_e, d) => setStatus(d.value ? concernStatusSchema.parse(d.value) : null)}>
          <option value="">{t('concerns.all')}</option>
          {concernStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {label('concerns.status', s)}
            </option>
          ))}
        </Select>
      </Field>
      <Loaded result={concerns} empty={t('concerns.empty')}>
        {(data) => (
          <ul className={styles.list} aria-label={t('concerns.heading')}>
            {data.map((c) => (
              <ConcernItem key={c.id} concern={c} calls={calls} onChanged={() => concerns.reload()} />
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}
