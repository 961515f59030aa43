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
import { messages } from '../../messages';
import type { SectionProps } from '../sectionProps';

const m = messages.stories;

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

  if (loaded.state.status === 'loading') return <Section title={m.heading}><Loading /></Section>;
  if (loaded.state.status === 'error') return <Section title={m.heading}><ProblemMessage problem={loaded.state.problem} onRetry={() => void loaded.reload()} /></Section>;
  return (
    <Section title={m.heading} hint={m.hint}>
      {current && !editing && (
        <>
          <p className={styles.text}>{current.text}</p>
          {current.publishedAt ? (
            <Badge appearance="tint" color="success">
              {m.published(formatDate(current.publishedAt))}
            </Badge>
          ) : (
            <ul className={styles.list}>
              <li className={styles.meta}>{current.consentedByMe ? m.youConsented : m.youNotConsented}</li>
              <li className={styles.meta}>{current.consentedByPartner ? m.partnerConsented : m.partnerNotConsented}</li>
              <li className={styles.meta}>{m.notPublished}</li>
            </ul>
          )}
          <div className={styles.row}>
            {current.abilities.consent && (
              <Button appearance="primary" disabled={action.busy} onClick={() => run(() => calls.consentToStory(pair.id, current.version, true))}>
                {m.consent}
              </Button>
            )}
            {current.abilities.withdrawConsent && (
              <Button disabled={action.busy} onClick={() => run(() => calls.consentToStory(pair.id, current.version, false))}>
                {m.withdraw}
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
                {m.edit}
              </Button>
            )}
          </div>
        </>
      )}
      {current === null && <p className={styles.empty}>{m.empty}</p>}
      {(current === null || editing) && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            run(() => calls.writeStory(pair.id, text, current?.version));
          }}
        >
          <Field label={m.label} hint={current ? m.editWithdraws : undefined} validationMessage={fieldError}>
            <Textarea value={text} rows={4} resize="vertical" onChange={(_e, d) => setText(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={action.busy}>
              {m.saveDraft}
            </Button>
            {editing && (
              <Button disabled={action.busy} onClick={() => setEditing(false)}>
                {messages.cancel}
              </Button>
            )}
          </div>
        </form>
      )}
      {action.problem && !fieldError && <ProblemMessage problem={action.problem} />}
    </Section>
  );
}
