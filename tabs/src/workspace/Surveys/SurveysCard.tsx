import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { issueText } from '../../api/problem';
import type { WaitingSurvey } from '../../../../shared/schemas/survey';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Loaded } from '../../common/Loaded/Loaded';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { useAction } from '../../common/useAsync';
import { formatDate } from '../../format';
import { label, t } from '../../i18n';

const scale = ['1', '2', '3', '4', '5'] as const;
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
  const title = label('surveys.title', survey.kind);
  const id = `survey-${survey.pairId}-${survey.kind}`;

  const submit = async () => {
    const answers = answersOf(survey, values);
    // The same schema the server checks with: a person sees the mistake beside the question, before a round trip
    // (loaded with the first answer, so zod stays out of the first view).
    const { surveyAnswerSchemas } = await import('../../../../shared/schemas/survey');
    const parsed = surveyAnswerSchemas[survey.kind].safeParse(answers);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const question = survey.questions.find((q) => q.name === field);
        errors[field] ??= question?.type === 'score' ? t('surveys.choose') : issueText(issue);
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
          void submit();
        }}
      >
        <h3 id={`${id}-title`} className={styles.text}>
          {title}
        </h3>
        <span className={styles.meta}>{t('surveys.about', { partner: survey.partner.displayName, date: formatDate(survey.dueAt) })}</span>
        {survey.questions.map((q) => {
          const question = label('surveys.question', q.name, { role: survey.role });
          const error = fieldErrors[q.name];
          const state = error ? { validationState: 'error' as const, validationMessage: error } : {};
          if (q.type === 'score') {
            return (
              <Field key={q.name} label={question} required={q.required} {...state}>
                <RadioGroup value={typeof values[q.name] === 'string' ? (values[q.name] as string) : ''} onChange={(_e, d) => set(q.name, d.value)}>
                  {scale.map((score) => (
                    <Radio key={score} value={score} label={t(`surveys.scale.${score}`)} />
                  ))}
                </RadioGroup>
              </Field>
            );
          }
          if (q.type === 'yes-no') {
            return (
              <Field key={q.name} hint={t('surveys.repairHint')} {...state}>
                <Checkbox label={question} checked={values[q.name] === true} onChange={(_e, d) => set(q.name, d.checked === true)} />
              </Field>
            );
          }
          return (
            <Field key={q.name} label={question} {...state}>
              <Textarea value={typeof values[q.name] === 'string' ? (values[q.name] as string) : ''} onChange={(_e, d) => set(q.name, d.value)} rows={3} resize="vertical" />
            </Field>
          );
        })}
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={action.busy}>
            {t('surveys.send')}
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
    setDone(repairRequested ? t('surveys.sentWithRepair') : t('surveys.sent'));
    return Promise.all([waiting.reload(), repairRequested ? onRepairRequested() : undefined]);
  };
  return (
    <Section title={t('surveys.heading')} hint={t('surveys.intro')}>
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <Loaded result={waiting} loadingLabel={t('surveys.loading')} empty={t('surveys.empty')}>
        {(data) => (
          <ul className={styles.list} aria-label={t('surveys.listLabel')}>
            {data.map((s) => (
              <SurveyForm key={`${s.pairId}/${s.kind}`} survey={s} answer={calls.answer} onAnswered={(repair) => void answered(repair)} />
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}
