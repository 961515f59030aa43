import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ProgrammeView } from '../../../shared/api/programmes';
import { journeyPhases } from '../../../shared/journey/nextStep';
import { defaultCurriculum, type ModuleText, type TrainingAudience, type TrainingModule } from '../../../shared/training/curriculum';
import { maxModuleWords, wordCount } from '../../../shared/training/readingLength';
import { ConfirmDialog } from '../common/ConfirmDialog/ConfirmDialog';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { t } from '../i18n';
import { moduleWords } from '../journey/moduleWords';
import type { AdminApi } from './adminApi';

const audiences: readonly TrainingAudience[] = ['mentor', 'mentee', 'both'];

/**
 * The programme's training curriculum: the shipped modules until an admin edits one, adds one or
 * removes one; every change saves the whole list, and restoring the shipped modules undoes them all.
 */
export function TrainingPanel({ programmeId, calls }: { programmeId: string; calls: AdminApi }) {
  const programme = useAsync(() => calls.programme(programmeId), [calls, programmeId]);
  return <Loaded result={programme}>{(data) => <Curriculum programme={data} calls={calls} onSaved={() => void programme.reload()} />}</Loaded>;
}

/** Which module the form is open for: an index in the list, or a new one at its end. */
type Editing = { index: number } | 'new' | null;

function Curriculum({ programme, calls, onSaved }: { programme: ProgrammeView; calls: AdminApi; onSaved: () => void }) {
  const styles = useFormStyles();
  const action = useAction();
  const [editing, setEditing] = useState<Editing>(null);
  const modules = programme.training ?? defaultCurriculum;
  const save = (next: TrainingModule[]) =>
    void action.run(() => calls.setCurriculum(programme.id, next)).then((ok) => {
      if (!ok) return;
      setEditing(null);
      onSaved();
    });
  const reset = () => void action.run(() => calls.resetCurriculum(programme.id)).then((ok) => ok && onSaved());
  const problem = action.problem && <ProblemMessage problem={action.problem} />;
  return (
    <Section title={t('trainingAdmin.heading')} hint={t(programme.training ? 'trainingAdmin.edited' : 'trainingAdmin.shipped')}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('trainingAdmin.languageNote')}</MessageBarBody>
      </MessageBar>
      <ol className={styles.list} aria-label={t('trainingAdmin.heading')}>
        {modules.map((m, index) => {
          const words = moduleWords(m);
          return (
            <li key={m.id} className={styles.item}>
              {editing !== 'new' && editing?.index === index ? (
                <ModuleForm
                  initial={{ ...m, text: words }}
                  replacing
                  busy={action.busy}
                  fieldError={(field) => action.problem?.errors.find((e) => e.field === `modules.${index}.${field}`)?.message}
                  onSave={(module) => save(modules.map((old, i) => (i === index ? keepShippedWords(old, module) : old)))}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <strong>{words.title}</strong>
                  <div className={styles.row}>
                    <span className={styles.meta}>{t('trainingAdmin.moduleMeta', { audience: m.audience, phase: t(`journey.phase.${m.phase}`) })}</span>
                    <Badge appearance="tint" color={m.text ? 'brand' : 'informative'}>
                      {t(m.text ? 'trainingAdmin.ownWords' : 'trainingAdmin.shippedWords')}
                    </Badge>
                  </div>
                  <div className={styles.row}>
                    <Button size="small" disabled={editing !== null} aria-label={t('trainingAdmin.editNamed', { title: words.title })} onClick={() => setEditing({ index })}>
                      {t('trainingAdmin.edit')}
                    </Button>
                    <ConfirmDialog
                      triggerLabel={t('trainingAdmin.remove')}
                      triggerAriaLabel={t('trainingAdmin.removeNamed', { title: words.title })}
                      triggerAppearance="secondary"
                      triggerSize="small"
                      disabled={action.busy || editing !== null}
                      title={t('trainingAdmin.removeTitle', { title: words.title })}
                      body={t('trainingAdmin.removeBody')}
                      confirmLabel={t('trainingAdmin.remove')}
                      onConfirm={() => save(modules.filter((_old, i) => i !== index))}
                    />
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {editing === 'new' ? (
        <ModuleForm
          initial={{ id: `module-${crypto.randomUUID().slice(0, 8)}`, audience: 'both', phase: 'training', text: { title: '', reading: '', exercise: '' } }}
          busy={action.busy}
          fieldError={(field) => action.problem?.errors.find((e) => e.field === `modules.${modules.length}.${field}`)?.message}
          onSave={(module) => save([...modules, module])}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className={styles.row}>
          <Button disabled={editing !== null} onClick={() => setEditing('new')}>
            {t('trainingAdmin.add')}
          </Button>
          {programme.training && (
            <ConfirmDialog
              triggerLabel={t('trainingAdmin.reset')}
              triggerAppearance="secondary"
              disabled={action.busy || editing !== null}
              title={t('trainingAdmin.resetTitle')}
              body={t('trainingAdmin.resetBody')}
              confirmLabel={t('trainingAdmin.reset')}
              onConfirm={reset}
            />
          )}
        </div>
      )}
      {problem}
    </Section>
  );
}

/**
 * A shipped module whose words the admin left as they were stays shipped (text null), so it keeps
 * following each reader's language when only its audience or phase changed.
 */
function keepShippedWords(old: TrainingModule, edited: TrainingModule): TrainingModule {
  const shipped = old.text === null && moduleWords(old);
  const unchanged = shipped && edited.text !== null && (Object.keys(shipped) as (keyof ModuleText)[]).every((k) => shipped[k] === edited.text![k].trim());
  return unchanged ? { ...edited, text: null } : edited;
}

/** One module's words, audience and phase; replacing an existing module's words asks first. */
function ModuleForm(props: {
  initial: TrainingModule & { text: ModuleText };
  replacing?: boolean;
  busy: boolean;
  fieldError: (field: string) => string | undefined;
  onSave: (module: TrainingModule) => void;
  onCancel: () => void;
}) {
  const styles = useFormStyles();
  const [text, setText] = useState(props.initial.text);
  const [audience, setAudience] = useState(props.initial.audience);
  const [phase, setPhase] = useState(props.initial.phase);
  const words = wordCount(`${text.reading} ${text.exercise}`);
  const module: TrainingModule = { id: props.initial.id, audience, phase, text };
  const field = (key: keyof ModuleText, label: string, multiline: boolean, hint?: string) => (
    <Field label={label} required hint={hint} validationMessage={props.fieldError(`text.${key}`)}>
      {multiline ? (
        <Textarea resize="vertical" rows={key === 'reading' ? 8 : 3} value={text[key]} onChange={(_e, d) => setText({ ...text, [key]: d.value })} />
      ) : (
        <Input value={text[key]} onChange={(_e, d) => setText({ ...text, [key]: d.value })} />
      )}
    </Field>
  );
  return (
    <form
      className={styles.form}
      aria-label={t('trainingAdmin.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(module);
      }}
    >
      {field('title', t('trainingAdmin.title'), false)}
      {field('reading', t('trainingAdmin.reading'), true, t('trainingAdmin.readingHint', { words, max: maxModuleWords }))}
      {field('exercise', t('trainingAdmin.exercise'), true)}
      <div className={styles.row}>
        <Field label={t('trainingAdmin.audience')}>
          <Select value={audience} onChange={(_e, d) => setAudience(d.value as TrainingAudience)}>
            {audiences.map((a) => (
              <option key={a} value={a}>
                {t('trainingAdmin.audienceName', { audience: a })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('trainingAdmin.phase')}>
          <Select value={phase} onChange={(_e, d) => setPhase(d.value as TrainingModule['phase'])}>
            {journeyPhases.map((p) => (
              <option key={p} value={p}>
                {t(`journey.phase.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        {props.replacing ? (
          <ConfirmDialog
            triggerLabel={t('trainingAdmin.save')}
            disabled={props.busy}
            title={t('trainingAdmin.replaceTitle')}
            body={t('trainingAdmin.replaceBody')}
            confirmLabel={t('trainingAdmin.replace')}
            onConfirm={() => props.onSave(module)}
          />
        ) : (
          <Button type="submit" appearance="primary" disabled={props.busy}>
            {t('trainingAdmin.save')}
          </Button>
        )}
        <Button onClick={props.onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
