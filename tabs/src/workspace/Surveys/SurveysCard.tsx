import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { surveyAnswerSchemas, type WaitingSurvey } from '../../../../shared/schemas/survey';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Loaded } from '../../common/Loaded/Loaded';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { useAction } from '../../common/useAsync';
import { formatDate } from '../../format';
import { messages } from '../../messages';
import { useSurveys } from './useSurveys';

type Values = Record<string, string | boolean>;

/** The answers as the form holds them, in the shape the survey's schema reads (empty optional text left out). */
function answersOf(survey: WaitingSurvey, values: Values): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of survey.questions) {
    const value = values[q.name];
    if (q.type === 'yes-no') answers[q.name] = value === true;
    else if (typeof value === 'string' && value.trim() !== '') answers[q.name] = value;
  }
  return answers;
}

function SurveyForm({ survey, answer, onAnswered }: { survey: WaitingSurvey; answer: ReturnType<typeof useSurveys>['calls']['answer']; onAnswered: (repairRequested: boolean) => void }) {
  const styles = useFormStyles();
  const action = useAction();
  const [values, setValues] = useState<Values>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));
  const title = messages.surveys.title[survey.kind] ?? survey.kind;
  const id = `survey-${survey.pairId}-${survey.kind}`;

  const submit = () => {
    const answers = answersOf(survey, values);
    // The same schema the server checks with: a person sees the mistake beside the question, before a round trip.
    const parsed = surveyAnswerSchemas[survey.kind].safeParse(answers);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const question = survey.questions.find((q) => q.name === field);
        errors[field] ??= question?.type === 'score' ? messages.surveys.choose : issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    void action.run(async () => onAnswered((await answer(survey.pairId, survey.kind, answers)).repairRequested));
  };

  return (
    <li className={styles.item}>
      <form
        className={styles.form}
        aria-labelledby={`${id}-title`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h3 id={`${id}-title`} className={styles.text}>
          {title}
        </h3>
        <span className={styles.meta}>{messages.surveys.about(survey.partner.displayName, formatDate(survey.dueAt))}</span>
        {survey.questions.map((q) => {
          const label = messages.surveys.question(q.name, survey.role);
          const error = fieldErrors[q.name];
          const state = error ? { validationState: 'error' as const, validationMessage: error } : {};
          if (q.type === 'score') {
            return (
              <Field key={q.name} label={label} required={q.required} {...state}>
                <RadioGroup value={typeof values[q.name] === 'string' ? (values[q.name] as string) : ''} onChange={(_e, d) => set(q.name, d.value)}>
                  {messages.surveys.scale.map((text, i) => (
                    <Radio key={text} value={String(i + 1)} label={text} />
                  ))}
                </RadioGroup>
              </Field>
            );
          }
          if (q.type === 'yes-no') {
            return (
              <Field key={q.name} hint={messages.surveys.repairHint} {...state}>
                <Checkbox label={label} checked={values[q.name] === true} onChange={(_e, d) => set(q.name, d.checked === true)} />
              </Field>
            );
          }
          return (
            <Field key={q.name} label={label} {...state}>
              <Textarea value={typeof values[q.name] === 'string' ? (values[q.name] as string) : ''} onChange={(_e, d) => set(q.name, d.value)} rows={3} resize="vertical" />
            </Field>
          );
        })}
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={action.busy}>
            {messages.surveys.send}
          </Button>
        </div>
        {action.problem && <ProblemMessage problem={action.problem} />}
      </form>
    </li>
  );
}

/** "Surveys waiting for you": the surveys due in any of my pairs, each answered in place. */
export function SurveysCard({ onRepairRequested }: { onRepairRequested: () => Promise<unknown> }) {
  const styles = useFormStyles();
  const { calls, waiting } = useSurveys();
  const [done, setDone] = useState<string | null>(null);
  const answered = (repairRequested: boolean) => {
    setDone(repairRequested ? messages.surveys.sentWithRepair : messages.surveys.sent);
    return Promise.all([waiting.reload(), repairRequested ? onRepairRequested() : undefined]);
  };
  return (
    <Section title={messages.surveys.heading} hint={messages.surveys.intro}>
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <Loaded result={waiting} loadingLabel={messages.surveys.loading} empty={messages.surveys.empty}>
        {(data) => (
          <ul className={styles.list} aria-label={messages.surveys.listLabel}>
            {data.map((s) => (
              <SurveyForm key={`${s.pairId}/${s.kind}`} survey={s} answer={calls.answer} onAnswered={(repair) => void answered(repair)} />
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}
