import { Button, Checkbox, Label, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { messages } from '../messages';
import type { ImportReport } from '../../../shared/api/participants';
import type { AdminApi } from './adminApi';
import { InviteParticipant } from './InviteParticipant';

const m = messages.admin;

export function ParticipantsPanel({ programmeId, calls }: { programmeId: string; calls: AdminApi }) {
  const styles = useFormStyles();
  const participants = useAsync(() => calls.participants(programmeId), [calls, programmeId]);
  const action = useAction();
  const importing = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [validRows, setValidRows] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const fileId = useId();
  return (
    <>
      <Section title={m.participantsHeading}>
        <Loaded result={participants} empty={m.noParticipants}>
          {(data) => (
            <Table aria-label={m.participantsHeading} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{m.column.person}</TableHeaderCell>
                  <TableHeaderCell>{m.column.role}</TableHeaderCell>
                  <TableHeaderCell>{m.column.department}</TableHeaderCell>
                  <TableHeaderCell>{m.column.status}</TableHeaderCell>
                  <TableHeaderCell>{m.column.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.displayName ?? p.userId}</TableCell>
                    <TableCell>{messages.roles[p.role]}</TableCell>
                    <TableCell>{p.department ?? ''}</TableCell>
                    <TableCell>{p.status}</TableCell>
                    <TableCell>
                      {p.status === 'enrolled' && (
                        <Button size="small" disabled={action.busy} aria-label={m.removeLabel(p.displayName ?? p.userId)} onClick={() => void action.run(() => calls.removeParticipant(programmeId, p.id)).then((ok) => (ok ? participants.reload() : undefined))}>
                          {m.remove}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Loaded>
        {action.problem && <ProblemMessage problem={action.problem} />}
      </Section>
      <InviteParticipant programmeId={programmeId} calls={calls} onInvited={() => void participants.reload()} />
      <Section title={m.importHeading} hint={m.importHelp}>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (!file) return;
            void importing.run(async () => {
              setReport(await calls.importCsv(programmeId, await file.text(), validRows));
              await participants.reload();
            });
          }}
        >
          <Label htmlFor={fileId}>{m.importFile}</Label>
          <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <Checkbox label={m.importValidRows} checked={validRows} onChange={(_e, d) => setValidRows(d.checked === true)} />
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={!file || importing.busy}>
              {m.import}
            </Button>
          </div>
        </form>
        {importing.problem && <ProblemMessage problem={importing.problem} />}
        {report && (
          <div role="status">
            <p className={styles.text}>{`${m.importReport}: ${report.imported} imported, ${report.rejected.length} rejected.`}</p>
            {report.rejected.length > 0 && (
              <Table aria-label={m.importReport} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{m.row}</TableHeaderCell>
                    <TableHeaderCell>{m.result}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.rejected.map((r) => (
                    <TableRow key={`${r.line}:${r.message}`}>
                      <TableCell>{r.line}</TableCell>
                      <TableCell>{r.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </div>
        )}
      </Section>
    </>
  );
}
