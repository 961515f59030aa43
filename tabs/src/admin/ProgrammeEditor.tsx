import { Button, Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { charterPlaceholders } from '../../../shared/charterTemplate';
import { programmeStatusSchema, type UpdateProgrammeInput } from '../../../shared/schemas/programme';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { t } from '../i18n';
import type { ProgrammeView } from '../../../shared/api/programmes';
import type { AdminApi } from './adminApi';


/** The placeholders a charter template may use, as the admin types them. */
const placeholderTokens = charterPlaceholders.map((p) => `{${p}}`);

/** Number inputs hand over text; an empty or partial number is sent as NaN so the schema names the field. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function EditForm({ programme, calls, onSaved, onClose }: { programme: ProgrammeView; calls: AdminApi; onSaved: () => void; onClose: () => void }) {
  const styles = useFormStyles();
  const action = useAction();
  const [name, setName] = useState(programme.name);
  const [endsOn, setEndsOn] = useState(programme.endsOn);
  const [status, setStatus] = useState(programme.status);
  const [cadence, setCadence] = useState(String(programme.settings.cadenceDays));
  const [threshold, setThreshold] = useState(String(programme.settings.anonymityThreshold));
  const [guidelines, setGuidelines] = useState(programme.settings.guidelines);
  const [charterText, setCharterText] = useState(programme.charterText);
  const [guides, setGuides] = useState(programme.guides);
  const [escalation, setEscalation] = useState(programme.escalationContact ?? { name: '', email: '' });
  const [surveys, setSurveys] = useState(programme.surveySchedule);
  const [pulse, setPulse] = useState(String(programme.surveySchedule.pulseEveryDays));
  const [saved, setSaved] = useState(false);
  const fieldError = (field: string) => action.problem?.errors.find((e) => e.field === field)?.message;
  return (
    <form
      className={styles.form}
      // The shared schema checks the fields and says what is wrong in words; the browser's own bubbles would pre-empt it.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const input: UpdateProgrammeInput = {
          name,
          endsOn,
          status: status as UpdateProgrammeInput['status'],
          settings: { cadenceDays: toNumber(cadence), anonymityThreshold: toNumber(threshold), guidelines },
          surveySchedule: { ...surveys, pulseEveryDays: toNumber(pulse) },
          charterText,
          guides,
          // Both fields empty: the programme names nobody.
          escalationContact: escalation.name.trim() || escalation.email.trim() ? escalation : null,
        };
        // The same zod schema as the server's checks the input before it is sent (adminApi.updateProgramme).
        void action.run(() => calls.updateProgramme(programme.id, input)).then((ok) => {
          if (!ok) return;
          setSaved(true);
          onSaved();
        });
      }}
    >
      <Field label={t('admin.name')} required validationMessage={fieldError('name')}>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Field label={t('admin.edit.endsOn')} required validationMessage={fieldError('endsOn')}>
        <Input type="date" value={endsOn} onChange={(_e, d) => setEndsOn(d.value)} />
      </Field>
      <Field label={t('admin.status')} validationMessage={fieldError('status')}>
        <Select value={status} onChange={(_e, d) => setStatus(programmeStatusSchema.parse(d.value))}>
          {programmeStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {t(`admin.edit.statuses.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('admin.edit.cadence')} hint={t('admin.edit.cadenceHint')} validationMessage={fieldError('settings.cadenceDays')}>
        <Input type="number" min={7} max={90} value={cadence} onChange={(_e, d) => setCadence(d.value)} />
      </Field>
      <Field label={t('admin.edit.threshold')} hint={t('admin.edit.thresholdHint')} validationMessage={fieldError('settings.anonymityThreshold')}>
        <Input type="number" min={3} max={100} value={threshold} onChange={(_e, d) => setThreshold(d.value)} />
      </Field>
      <Field
        label={t('admin.edit.charter')}
        hint={
          <span className={styles.row}>
            {t('admin.edit.charterHint')}
            {placeholderTokens.map((token) => (
              // What the admin types, in any language: not text to translate (nor for the browser to machine-translate).
              <code key={token} translate="no">
                {token}
              </code>
            ))}
          </span>
        }
        validationMessage={fieldError('charterText')}
      >
        <Textarea value={charterText} rows={5} resize="vertical" onChange={(_e, d) => setCharterText(d.value)} />
      </Field>
      <fieldset className={styles.form}>
        <legend>{t('admin.edit.guides')}</legend>
        <p className={styles.meta}>{t('admin.edit.formattedHint')}</p>
        {(['mentor', 'mentee'] as const).map((role) => (
          <Field key={role} label={t('guides.forRole', { role })} validationMessage={fieldError(`guides.${role}`)}>
            <Textarea value={guides[role]} rows={5} resize="vertical" onChange={(_e, d) => setGuides({ ...guides, [role]: d.value })} />
          </Field>
        ))}
      </fieldset>
      <fieldset className={styles.form}>
        <legend>{t('admin.edit.guidelines')}</legend>
        <p className={styles.meta}>{t('admin.edit.formattedHint')}</p>
        {(['timeCommitment', 'frequency', 'expectedOutcomes'] as const).map((key) => (
          <Field key={key} label={t(`admin.edit.guideline.${key}`)} validationMessage={fieldError(`settings.guidelines.${key}`)}>
            <Textarea value={guidelines[key]} rows={2} resize="vertical" onChange={(_e, d) => setGuidelines({ ...guidelines, [key]: d.value })} />
          </Field>
        ))}
      </fieldset>
      <fieldset className={styles.form}>
        <legend>{t('admin.edit.escalation')}</legend>
        <Field label={t('admin.edit.escalationName')} validationMessage={fieldError('escalationContact.name')}>
          <Input value={escalation.name} onChange={(_e, d) => setEscalation({ ...escalation, name: d.value })} />
        </Field>
        <Field label={t('admin.edit.escalationEmail')} validationMessage={fieldError('escalationContact.email')}>
          <Input type="email" value={escalation.email} onChange={(_e, d) => setEscalation({ ...escalation, email: d.value })} />
        </Field>
      </fieldset>
      <fieldset className={styles.form}>
        <legend>{t('admin.edit.surveys')}</legend>
        {(['pairingFitAfterFirstSession', 'midPoint', 'end'] as const).map((key) => (
          <Checkbox key={key} label={t(`admin.edit.survey.${key}`)} checked={surveys[key]} onChange={(_e, d) => setSurveys({ ...surveys, [key]: d.checked === true })} />
        ))}
        <Field label={t('admin.edit.pulse')} hint={t('admin.edit.pulseHint')} validationMessage={fieldError('surveySchedule.pulseEveryDays')}>
          <Input type="number" min={0} max={180} value={pulse} onChange={(_e, d) => setPulse(d.value)} />
        </Field>
      </fieldset>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {t('admin.edit.save')}
        </Button>
        <Button onClick={onClose}>{t('cancel')}</Button>
      </div>
      <span role="status">{saved ? t('admin.edit.saved') : ''}</span>
      {action.problem && action.problem.errors.length === 0 && <ProblemMessage problem={action.problem} />}
      {action.problem && action.problem.errors.length > 0 && <p role="alert">{t('admin.edit.fix')}</p>}
    </form>
  );
}

/** Editing one programme's name, end, status, cadence, charter template, guides, guidelines, survey schedule and anonymity threshold. */
export function ProgrammeEditor({ programmeId, calls, onSaved, onClose }: { programmeId: string; calls: AdminApi; onSaved: () => void; onClose: () => void }) {
  const programme = useAsync(() => calls.programme(programmeId), [calls, programmeId]);
  return (
    <Section title={programme.state.status === 'ready' ? t('admin.edit.heading', { name: programme.state.data.name }) : t('admin.edit.headingLoading')}>
      <Loaded result={programme}>{(data) => <EditForm key={data.updatedAt} programme={data} calls={calls} onSaved={onSaved} onClose={onClose} />}</Loaded>
    </Section>
  );
}
