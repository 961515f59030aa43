import { Badge, Button, Combobox, Field, Option, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { NamedMatchConstraint } from '../../../shared/api/matching';
import type { ParticipantView } from '../../../shared/api/participants';
import type { Role } from '../../../shared/glossary';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Section } from '../common/Section/Section';
import { useAsync } from '../common/useAsync';
import { t } from '../i18n';
import type { AdminApi } from './adminApi';

/** One of the programme's enrolled people in a role, found by typing part of their name. */
function PersonPicker({ label, people, onChoose }: { label: string; people: ParticipantView[]; onChoose: (userId: string | null) => void }) {
  const [text, setText] = useState('');
  const needle = text.toLocaleLowerCase();
  const shown = people.filter((p) => (p.displayName ?? '').toLocaleLowerCase().includes(needle)).slice(0, 20);
  return (
    <Field label={label}>
      <Combobox
        // Fluent's button that opens the list is named in English unless told otherwise.
        expandIcon={{ 'aria-label': t('admin.openChoices', { field: label }) }}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChoose(null);
        }}
        onOptionSelect={(_e, d) => {
          setText(d.optionText ?? '');
          onChoose(d.optionValue ?? null);
        }}
      >
        {shown.map((p) => (
          <Option key={p.userId} value={p.userId} text={p.displayName ?? ''}>
            {p.department ? t('admin.personInDepartment', { name: p.displayName ?? '', department: p.department }) : (p.displayName ?? '')}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

/** Blocks and pins by the two people's names: the list, and a form to add one by searching the programme's people. */
export function ConstraintsSection({ programmeId, calls, constraints, busy, act }: { programmeId: string; calls: AdminApi; constraints: NamedMatchConstraint[] | null; busy: boolean; act: (call: () => Promise<unknown>) => void }) {
  const styles = useFormStyles();
  const participants = useAsync(() => calls.participants(programmeId), [calls, programmeId]);
  const [chosen, setChosen] = useState<Record<Role, string | null>>({ mentor: null, mentee: null });
  const [kind, setKind] = useState<'pin' | 'block'>('block');
  const enrolled = (role: Role) => (participants.state.status === 'ready' ? participants.state.data.filter((p) => p.role === role && p.status === 'enrolled') : []);
  const { mentor, mentee } = chosen;
  return (
    <Section title={t('admin.constraintsHeading')}>
      {constraints !== null &&
        (constraints.length === 0 ? (
          <p className={styles.empty}>{t('admin.noConstraints')}</p>
        ) : (
          <ul className={styles.list} aria-label={t('admin.constraintsHeading')}>
            {constraints.map((c) => (
              <li key={`${c.mentorUserId}/${c.menteeUserId}`} className={styles.row}>
                <Badge appearance="outline">{c.kind === 'pin' ? t('admin.pin') : t('admin.block')}</Badge>
                <span>{t('admin.pairNames', { mentor: c.mentorName, mentee: c.menteeName })}</span>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t('admin.constraintRemoveLabel', { mentor: c.mentorName, mentee: c.menteeName })}
                  onClick={() => act(() => calls.unconstrain(programmeId, { mentorUserId: c.mentorUserId, menteeUserId: c.menteeUserId }))}
                >
                  {t('admin.unblock')}
                </Button>
              </li>
            ))}
          </ul>
        ))}
      <form
        className={styles.form}
        aria-label={t('admin.constraintAddHeading')}
        onSubmit={(e) => {
          e.preventDefault();
          if (mentor && mentee) act(() => calls.constrain(programmeId, { mentorUserId: mentor, menteeUserId: mentee, kind }));
        }}
      >
        <PersonPicker label={t('admin.mentor')} people={enrolled('mentor')} onChoose={(id) => setChosen((c) => ({ ...c, mentor: id }))} />
        <PersonPicker label={t('admin.mentee')} people={enrolled('mentee')} onChoose={(id) => setChosen((c) => ({ ...c, mentee: id }))} />
        <RadioGroup layout="horizontal" aria-label={t('admin.constraintKind')} value={kind} onChange={(_e, d) => setKind(d.value === 'pin' ? 'pin' : 'block')}>
          <Radio value="block" label={t('admin.block')} />
          <Radio value="pin" label={t('admin.pin')} />
        </RadioGroup>
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={busy || !mentor || !mentee}>
            {t('admin.constraintAdd')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
