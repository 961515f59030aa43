import { Badge, Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReflectionView, Workspace } from '../../../../shared/api/workspace';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { TextForm } from '../../common/TextForm/TextForm';
import { useAction } from '../../common/useAsync';
import { formatDateTime } from '../../format';
import { t } from '../../i18n';
import type { SectionProps } from '../sectionProps';

/** The start of an entry, to tell its buttons apart for a screen reader. */
const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function Entry({ entry, children }: { entry: ReflectionView; children?: React.ReactNode }) {
  const styles = useFormStyles();
  return (
    <li className={styles.item}>
      <p className={styles.text}>{entry.text}</p>
      <div className={styles.row}>
        <span className={styles.meta}>{formatDateTime(entry.createdAt)}</span>
        {children}
      </div>
    </li>
  );
}

/** Rewording one of my entries in place; its sharing stays as it was. */
function EntryEditor({ entry, onSave, onDone }: { entry: ReflectionView; onSave: (text: string) => Promise<unknown>; onDone: () => void }) {
  const styles = useFormStyles();
  const action = useAction();
  const [text, setText] = useState(entry.text);
  const fieldError = action.problem?.errors.find((e) => e.field === 'text')?.message;
  return (
    <li className={styles.item}>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => onSave(text)).then((ok) => ok && onDone());
        }}
      >
        <Field label={t('journal.editLabel')} validationMessage={fieldError}>
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the editor replaces the entry the person chose to edit */}
          <Textarea value={text} rows={3} resize="vertical" autoFocus onChange={(_e, d) => setText(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={action.busy}>
            {t('save')}
          </Button>
          <Button onClick={onDone}>{t('cancel')}</Button>
        </div>
        {action.problem && !fieldError && <ProblemMessage problem={action.problem} />}
      </form>
    </li>
  );
}

/** My private journal (only I see it unless I share one entry), and what my partner shared with me. */
export function Journal({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const pairId = ws.pair.id;
  const mine = ws.journal.filter((r) => r.author === 'me');
  const shared = ws.journal.filter((r) => r.author === 'partner');
  const [editing, setEditing] = useState<string | null>(null);
  const act = (call: () => Promise<unknown>) => void action.run(call).then((ok) => ok && reload());
  return (
    <Section title={t('journal.heading')} hint={t('journal.privacy')}>
      {ws.abilities.writeReflection && <TextForm label={t('journal.newLabel')} submit={t('journal.write')} rows={3} onSubmit={(text) => calls.writeReflection(pairId, text).then(reload)} />}
      {mine.length === 0 ? (
        <p className={styles.empty}>{t('journal.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('journal.heading')}>
          {mine.map((entry) =>
            editing === entry.id ? (
              <EntryEditor key={entry.id} entry={entry} onSave={(text) => calls.editReflection(pairId, entry.id, text).then(reload)} onDone={() => setEditing(null)} />
            ) : (
            <Entry key={entry.id} entry={entry}>
              <Badge appearance="tint" color={entry.sharedWithPartner ? 'brand' : 'informative'}>
                {entry.sharedWithPartner ? t('journal.shared') : t('journal.private')}
              </Badge>
              {entry.canChange && (
                // Sharing lets the partner read private words, so it asks first; withdrawing it is always safe.
                entry.sharedWithPartner ? (
                  <Button size="small" disabled={action.busy} onClick={() => act(() => calls.shareReflection(pairId, entry.id, false))}>
                    {t('journal.unshare')}
                  </Button>
                ) : (
                  <ConfirmDialog
                    triggerLabel={t('journal.share')}
                    triggerAriaLabel={t('journal.shareEntry', { text: excerpt(entry.text) })}
                    triggerAppearance="secondary"
                    triggerSize="small"
                    disabled={action.busy}
                    title={t('journal.shareTitle', { name: ws.pair.partner.displayName })}
                    body={t('journal.shareConfirm', { name: ws.pair.partner.displayName })}
                    confirmLabel={t('journal.shareAction')}
                    onConfirm={() => act(() => calls.shareReflection(pairId, entry.id, true))}
                  />
                )
              )}
              {entry.canChange && (
                <Button size="small" appearance="subtle" aria-label={t('journal.editEntry', { text: excerpt(entry.text) })} onClick={() => setEditing(entry.id)}>
                  {t('journal.edit')}
                </Button>
              )}
              {entry.canChange && (
                <ConfirmDialog
                  triggerLabel={t('journal.delete')}
                  triggerAriaLabel={t('journal.deleteEntry', { text: excerpt(entry.text) })}
                  triggerAppearance="subtle"
                  triggerSize="small"
                  disabled={action.busy}
                  title={t('journal.deleteTitle')}
                  body={entry.sharedWithPartner ? t('journal.deleteSharedConfirm', { name: ws.pair.partner.displayName }) : t('journal.deleteConfirm')}
                  confirmLabel={t('journal.deleteAction')}
                  onConfirm={() => act(() => calls.deleteReflection(pairId, entry.id))}
                />
              )}
            </Entry>
            ),
          )}
        </ul>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
      <h3 className={styles.text}>{t('journal.sharedWithMeHeading')}</h3>
      {shared.length === 0 ? (
        <p className={styles.empty}>{t('journal.noneShared')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('journal.sharedWithMeHeading')}>
          {shared.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </Section>
  );
}
