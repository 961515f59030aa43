import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction } from '../common/useAsync';
import { formatDate } from '../format';
import { t } from '../i18n';
import type { ProgrammeView } from '../../../shared/api/programmes';
import type { AdminApi } from './adminApi';
import { ProgrammeEditor } from './ProgrammeEditor';

export function ProgrammesPanel({ programmes, calls, onChanged }: { programmes: ProgrammeView[]; calls: AdminApi; onChanged: () => void }) {
  const styles = useFormStyles();
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();
  const fieldError = (field: string) => action.problem?.errors.find((e) => e.field === field)?.message;
  return (
    <>
      <Section title={t('admin.programmesHeading')}>
        {programmes.length === 0 ? (
          <p className={styles.empty}>{t('admin.noProgrammes')}</p>
        ) : (
          <Table aria-label={t('admin.programmesHeading')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('admin.name')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.startsOn')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.status')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.column.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {programmes.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>{t('admin.dates', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}</TableCell>
                  <TableCell>{t(`admin.edit.statuses.${p.status}`)}</TableCell>
                  <TableCell>
                    <Button size="small" aria-label={t('admin.edit.editLabel', { name: p.name })} aria-expanded={editing === p.id} onClick={() => setEditing(editing === p.id ? null : p.id)}>
                      {t('admin.edit.edit')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      {editing && <ProgrammeEditor key={editing} programmeId={editing} calls={calls} onSaved={onChanged} onClose={() => setEditing(null)} />}
      <Section title={t('admin.createHeading')}>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(() => calls.createProgramme({ name, startsOn })).then((ok) => {
              if (!ok) return;
              setName('');
              onChanged();
            });
          }}
        >
          <Field label={t('admin.name')} required validationMessage={fieldError('name')}>
            <Input value={name} onChange={(_e, d) => setName(d.value)} />
          </Field>
          <Field label={t('admin.startsOn')} required validationMessage={fieldError('startsOn')}>
            <Input type="date" value={startsOn} onChange={(_e, d) => setStartsOn(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={action.busy}>
              {t('admin.create')}
            </Button>
          </div>
          {action.problem && action.problem.errors.length === 0 && <ProblemMessage problem={action.problem} />}
        </form>
      </Section>
    </>
  );
}
