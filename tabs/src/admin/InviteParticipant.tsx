import { Button, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction } from '../common/useAsync';
import { t } from '../i18n';
import type { DirectoryPersonView } from '../../../shared/api/participants';
import type { AdminApi } from './adminApi';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** Invites one person found in the directory (Entra ID) with a role and the profile matching uses. */
export function InviteParticipant({ programmeId, calls, onInvited }: { programmeId: string; calls: AdminApi; onInvited: () => void }) {
  const styles = useFormStyles();
  const search = useAction();
  const invite = useAction();
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<DirectoryPersonView[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [role, setRole] = useState<'mentor' | 'mentee'>('mentor');
  const [goals, setGoals] = useState('');
  const [offers, setOffers] = useState('');
  const [meeting, setMeeting] = useState<'either' | 'in-person' | 'online'>('either');
  const [capacity, setCapacity] = useState('1');
  const [done, setDone] = useState('');
  const fieldError = (field: string) => invite.problem?.errors.find((e) => e.field === field)?.message;
  const person = people?.find((p) => p.id === chosen);
  return (
    <Section title={t('admin.invite.heading')} hint={t('admin.invite.hint')}>
      <form
        className={styles.form}
        role="search"
        aria-label={t('admin.invite.searchLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          setChosen('');
          void search.run(async () => setPeople(await calls.searchPeople(query)));
        }}
      >
        <Field label={t('admin.invite.searchLabel')} hint={t('admin.invite.searchHint')} validationMessage={search.problem?.errors[0]?.message}>
          <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button type="submit" disabled={search.busy}>
            {t('admin.invite.search')}
          </Button>
        </div>
        {search.problem && search.problem.errors.length === 0 && <ProblemMessage problem={search.problem} />}
      </form>
      {people && people.length === 0 && <p className={styles.empty}>{t('admin.invite.noneFound')}</p>}
      {people && people.length > 0 && (
        <form
          className={styles.form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setDone('');
            const input = { userId: chosen, role, learningGoals: list(goals), offers: list(offers), meetingPreference: meeting, ...(role === 'mentor' ? { capacity: Number(capacity) } : {}) };
            void invite.run(() => calls.invite(programmeId, input)).then((ok) => {
              if (!ok) return;
              setDone(t('admin.invite.invited', { name: person?.displayName ?? chosen }));
              setPeople(null);
              setChosen('');
              onInvited();
            });
          }}
        >
          <RadioGroup aria-label={t('admin.invite.results')} value={chosen} onChange={(_e, d) => setChosen(d.value)}>
            {people.map((p) => (
              <Radio key={p.id} value={p.id} label={[p.displayName, p.jobTitle, p.department].filter(Boolean).join(' · ')} />
            ))}
          </RadioGroup>
          <Field label={t('admin.invite.role')}>
            <Select value={role} onChange={(_e, d) => setRole(d.value as 'mentor' | 'mentee')}>
              <option value="mentor">{t('roles.mentor')}</option>
              <option value="mentee">{t('roles.mentee')}</option>
            </Select>
          </Field>
          <Field label={t('admin.invite.goals')} hint={t('admin.invite.commaHint')} validationMessage={fieldError('learningGoals')}>
            <Input value={goals} onChange={(_e, d) => setGoals(d.value)} />
          </Field>
          <Field label={t('admin.invite.offers')} hint={t('admin.invite.commaHint')} validationMessage={fieldError('offers')}>
            <Input value={offers} onChange={(_e, d) => setOffers(d.value)} />
          </Field>
          <Field label={t('admin.invite.meeting')}>
            <Select value={meeting} onChange={(_e, d) => setMeeting(d.value as typeof meeting)}>
              {(['either', 'in-person', 'online'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`admin.invite.meetingOptions.${v}`)}
                </option>
              ))}
            </Select>
          </Field>
          {role === 'mentor' && (
            <Field label={t('admin.invite.capacity')} validationMessage={fieldError('capacity')}>
              <Input type="number" min={1} max={5} value={capacity} onChange={(_e, d) => setCapacity(d.value)} />
            </Field>
          )}
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={!chosen || invite.busy}>
              {person ? t('admin.invite.inviteNamed', { name: person.displayName }) : t('admin.invite.invite')}
            </Button>
          </div>
          {invite.problem && (invite.problem.errors.length === 0 || !invite.problem.errors.some((e) => fieldError(e.field))) && <ProblemMessage problem={invite.problem} />}
        </form>
      )}
      <span role="status">{done}</span>
    </Section>
  );
}
