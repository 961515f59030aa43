import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import type { AdminApi } from './adminApi';
import { saveFile } from './saveFile';


/** The audit log of admin actions for a range of days (reading it is itself audited), and its CSV. */
export function AuditLogPanel({ calls }: { calls: AdminApi }) {
  const styles = useFormStyles();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [range, setRange] = useState({ from: '', to: '' });
  const entries = useAsync(() => calls.auditLog(range.from, range.to), [calls, range]);
  const exporting = useAction();
  return (
    <Section title={t('audit.heading')} hint={t('audit.hint')}>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          setRange({ from, to });
        }}
      >
        <Field label={t('audit.from')}>
          <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label={t('audit.to')}>
          <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Button type="submit">{t('audit.show')}</Button>
        <Button disabled={exporting.busy} onClick={() => void exporting.run(async () => saveFile(await calls.auditCsv(range.from, range.to)))}>
          {t('audit.download')}
        </Button>
      </form>
      {exporting.problem && <ProblemMessage problem={exporting.problem} />}
      <Loaded result={entries} empty={t('audit.empty')}>
        {(data) => (
          <Table aria-label={t('audit.heading')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('audit.column.at')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.column.actor')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.column.action')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.column.target')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((e, i) => (
                <TableRow key={`${e.at}:${i}`}>
                  <TableCell>{formatDateTime(e.at)}</TableCell>
                  <TableCell>{e.actorName ?? e.actorUserId}</TableCell>
                  <TableCell>{e.action}</TableCell>
                  <TableCell>{e.target}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Loaded>
    </Section>
  );
}
