import { Badge, Button, Field, Select } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Role } from '../../../shared/glossary';
import type { EnrolmentProgramme } from '../../../shared/api/programmes';
import { workspaceApi } from '../api/workspaceApi';
import { useApp } from '../app/appContext';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { GeneralGuidance } from '../guides/GuideCard';
import { formatDate } from '../format';
import { t } from '../i18n';
import { useWorkspacePageStyles } from '../workspace/WorkspacePage/useWorkspacePageStyles.styles';

function ProgrammeEnrolment({ programme, onEnrolled }: { programme: EnrolmentProgramme; onEnrolled: () => void }) {
  const styles = useFormStyles();
  const { api } = useApp();
  const [role, setRole] = useState<Role>('mentor');
  const action = useAction();
  const mine = programme.enrolment;
  return (
    <li className={styles.item}>
      <h3 className={styles.text}>{programme.name}</h3>
      <span className={styles.meta}>{t('admin.dates', { from: formatDate(programme.startsOn), to: formatDate(programme.endsOn) })}</span>
      {mine ? (
        <Badge appearance="tint">{mine.status === 'withdrawn' ? t('noPair.withdrawn') : t('noPair.enrolledAs', { role: mine.role })}</Badge>
      ) : (
        <form
          className={styles.row}
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(() => workspaceApi(api).enrol(programme.id, role)).then((ok) => ok && onEnrolled());
          }}
        >
          <Field label={t('noPair.enrolAs')}>
            <Select value={role} onChange={(_e, d) => setRole(d.value as Role)}>
              <option value="mentor">{t('roles.mentor')}</option>
              <option value="mentee">{t('roles.mentee')}</option>
            </Select>
          </Field>
          <Button type="submit" appearance="primary" disabled={action.busy}>
            {t('noPair.enrol')}
          </Button>
        </form>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
    </li>
  );
}

/** For someone in no pair: the programmes they can join, their status in each, and the guides. */
export function NoPairPage() {
  const styles = useWorkspacePageStyles();
  const form = useFormStyles();
  const { api } = useApp();
  const calls = useMemo(() => workspaceApi(api), [api]);
  // A 404 means enrolment is not available: null, said in words below rather than shown as a problem to retry.
  const programmes = useAsync(() => calls.enrolmentProgrammes().then((r) => r.programmes, (p: { status?: number }) => (p.status === 404 ? null : Promise.reject(p))), [calls]);
  return (
    <div className={styles.root}>
      <h1 className={styles.title}>{t('noPair.title')}</h1>
      <p className={form.text}>{t('noPair.intro')}</p>
      <Section title={t('noPair.programmesHeading')}>
        <Loaded result={programmes} empty={t('noPair.noProgrammes')}>
          {(list) =>
            list === null ? (
              <p className={form.empty}>{t('noPair.unavailable')}</p>
            ) : (
              <ul className={form.list}>
                {list.map((p) => (
                  <ProgrammeEnrolment key={p.id} programme={p} onEnrolled={() => void programmes.reload()} />
                ))}
              </ul>
            )
          }
        </Loaded>
      </Section>
      <GeneralGuidance />
    </div>
  );
}
