import { Badge, Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { PairView } from '../../../../shared/api/pairs';
import type { MemberStory } from '../../../../shared/api/stories';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Loading } from '../../common/Loading';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { useAction, useAsync } from '../../common/useAsync';
import { formatDate } from '../../format';
import { t } from '../../i18n';
import type { SectionProps } from '../sectionProps';


/** Our story: either of us drafts and edits it; it is published only when we both consent to the same version. */
export function StoryCard({ pair, calls }: { pair: PairView } & Pick<SectionProps, 'calls'>) {
  const styles = useFormStyles();
  const loaded = useAsync(() => calls.story(pair.id), [calls, pair.id]);
  const [story, setStory] = useState<MemberStory | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const action = useAction();
  const current = story !== undefined ? story : loaded.state.status === 'ready' ? loaded.state.data : null;
  const run = (call: () => Promise<MemberStory>) => void action.run(async () => setStory(await call())).then((ok) => ok && setEditing(false));
  const fieldError = action.problem?.errors.find((e) => e.field === 'text')?.message;

  if (loaded.state.status === 'loading') return <Section title={t('stories.heading')}><Loading /></Section>;
  if (loaded.state.status === 'error') return <Section title={t('stories.heading')}><ProblemMessage problem={loaded.state.problem} onRetry={() => void loaded.reload()} /></Section>;
  return (
    <Section title={t('stories.heading')} hint={t('stories.hint')}>
      {current && !editing && (
        <>
          <p className={styles.text}>{current.text}</p>
          {current.publishedAt ? (
            <Badge appearance="tint" color="success">
              {t('stories.published', { date: formatDate(current.publishedAt) })}
            </Badge>
          ) : (
            <ul className={styles.list}>
              <li className={styles.meta}>{current.consentedByMe ? t('stories.youConsented') : t('stories.youNotConsented')}</li>
              <li className={styles.meta}>{current.consentedByPartner ? t('stories.partnerConsented') : t('stories.partnerNotConsented')}</li>
              <li className={styles.meta}>{t('stories.notPublished')}</li>
            </ul>
          )}
          <div className={styles.row}>
            {current.abilities.consent && (
              <Button appearance="primary" disabled={action.busy} onClick={() => run(() => calls.consentToStory(pair.id, current.version, true))}>
                {t('stories.consent')}
              </Button>
            )}
            {current.abilities.withdrawConsent && (
              <Button disabled={action.busy} onClick={() => run(() => calls.consentToStory(pair.id, current.version, false))}>
                {t('stories.withdraw')}
              </Button>
            )}
            {current.abilities.edit && (
              <Button
                disabled={action.busy}
                onClick={() => {
                  setText(current.text);
                  setEditing(true);
                }}
              >
                {t('stories.edit')}
              </Button>
            )}
          </div>
        </>
      )}
      {current === null && <p className={styles.empty}>{t('stories.empty')}</p>}
      {(current === null || editing) && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            run(() => calls.writeStory(pair.id, text, current?.version));
          }}
        >
          <Field label={t('stories.label')} hint={current ? t('stories.editWithdraws') : undefined} validationMessage={fieldError}>
            <Textarea value={text} rows={4} resize="vertical" onChange={(_e, d) => setText(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={action.busy}>
              {t('stories.saveDraft')}
            </Button>
            {editing && (
              <Button disabled={action.busy} onClick={() => setEditing(false)}>
                {t('cancel')}
              </Button>
            )}
          </div>
        </form>
      )}
      {action.problem && !fieldError && <ProblemMessage problem={action.problem} />}
    </Section>
  );
}
