import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { formatDateTime } from '../format';
import { messages } from '../messages';
import type { AdminApi } from './adminApi';
import { saveFile } from './saveFile';

const m = messages.audit;

/** The audit log of admin actions for a range of days (reading it is itself audited), and its CSV. */
export function AuditLogPanel({ calls }: { calls: AdminApi }) {
  const styles = useFormStyles();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [range, setRange] = useState({ from: '', to: '' });
  const entries = useAsync(() => calls.auditLog(range.from, range.to), [calls, range]);
  const exporting = useAction();
  return (
    <Section title={m.heading} hint={m.hint}>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          setRange({ from, to });
        }}
      >
        <Field label={m.from}>
          <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label={m.to}>
          <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Button type="submit">{m.show}</Button>
        <Button disabled={exporting.busy} onClick={() => void exporting.run(async () => saveFile(await calls.auditCsv(range.from, range.to)))}>
          {m.download}
        </Button>
      </form>
      {exporting.problem && <ProblemMessage problem={exporting.problem} />}
      <Loaded result={entries} empty={m.empty}>
        {(data) => (
          <Table aria-label={m.heading} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{m.column.at}</TableHeaderCell>
                <TableHeaderCell>{m.column.actor}</TableHeaderCell>
                <TableHeaderCell>{m.column.action}</TableHeaderCell>
                <TableHeaderCell>{m.column.target}</TableHeaderCell>
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
