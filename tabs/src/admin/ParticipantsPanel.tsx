import { Button, Checkbox, Label, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../common/ConfirmDialog/ConfirmDialog';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { intl, t } from '../i18n';
import type { ImportReport } from '../../../shared/api/participants';
import { wordMessage } from '../../../shared/schemas/messages';
import type { AdminApi } from './adminApi';
import { InviteParticipant } from './InviteParticipant';


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
      <Section title={t('admin.participantsHeading')}>
        <Loaded result={participants} empty={t('admin.noParticipants')}>
          {(data) => (
            <Table aria-label={t('admin.participantsHeading')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('admin.column.person')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.column.role')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.column.department')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.column.status')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.column.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.displayName ?? p.userId}</TableCell>
                    <TableCell>{t(`roles.${p.role}`)}</TableCell>
                    <TableCell>{p.department ?? ''}</TableCell>
                    <TableCell>{p.status}</TableCell>
                    <TableCell>
                      {p.status === 'enrolled' && (
                        <ConfirmDialog
                          triggerLabel={t('admin.remove')}
                          triggerAriaLabel={t('admin.removeLabel', { name: p.displayName ?? p.userId })}
                          triggerAppearance="secondary"
                          triggerSize="small"
                          disabled={action.busy}
                          title={t('admin.removeTitle', { name: p.displayName ?? p.userId })}
                          body={t('admin.removeConfirm', { name: p.displayName ?? p.userId })}
                          confirmLabel={t('admin.removeAction')}
                          onConfirm={() => void action.run(() => calls.removeParticipant(programmeId, p.id)).then((ok) => (ok ? participants.reload() : undefined))}
                        />
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
      <Section title={t('admin.importHeading')} hint={t('admin.importHelp')}>
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
          <Label htmlFor={fileId}>{t('admin.importFile')}</Label>
          <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <Checkbox label={t('admin.importValidRows')} checked={validRows} onChange={(_e, d) => setValidRows(d.checked === true)} />
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={!file || importing.busy}>
              {t('admin.import')}
            </Button>
          </div>
        </form>
        {importing.problem && <ProblemMessage problem={importing.problem} />}
        {report && (
          <div role="status">
            <p className={styles.text}>{t('admin.importSummary', { imported: report.imported, rejected: report.rejected.length })}</p>
            {report.rejected.length > 0 && (
              <Table aria-label={t('admin.importReport')} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('admin.row')}</TableHeaderCell>
                    <TableHeaderCell>{t('admin.result')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.rejected.map((r) => (
                    <TableRow key={`${r.line}:${r.message}`}>
                      <TableCell>{r.line}</TableCell>
                      {/* The reason's code, worded in the admin's language (the same words the server sends in message). */}
                      <TableCell>{wordMessage(r.reason, { t, list: (items) => intl().list(items) })}</TableCell>
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
