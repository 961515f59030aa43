import { Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { formatDateTime } from '../format';
import { label, t } from '../i18n';
import type { AdminApi, ConcernStatus } from './adminApi';

const statuses: ConcernStatus[] = ['open', 'in-progress', 'closed'];

/** Concerns and re-pair requests from every programme of the tenant, with their status to change. */
export function ConcernsPanel({ calls }: { calls: AdminApi }) {
  const [status, setStatus] = useState<ConcernStatus | null>(null);
  const concerns = useAsync(() => calls.concerns(status), [calls, status]);
  const action = useAction();
  // The status an admin just chose, shown until the list reloads, so the control never jumps back.
  const [chosen, setChosen] = useState<Record<string, ConcernStatus>>({});
  const change = async (id: string, next: ConcernStatus) => {
    setChosen((c) => ({ ...c, [id]: next }));
    if (await action.run(() => calls.changeConcern(id, next))) await concerns.reload();
    setChosen(({ [id]: _done, ...rest }) => rest);
  };
  return (
    <Section title={t('concerns.heading')} hint={t('concerns.hint')}>
      <Field label={t('concerns.filter')}>
        <Select value={status ?? ''} onChange={(_e, d) => setStatus((d.value || null) as ConcernStatus | null)}>
          <option value="">{t('concerns.all')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`concerns.status.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Loaded result={concerns} empty={t('concerns.empty')}>
        {(data) => (
          <Table aria-label={t('concerns.heading')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('concerns.column.kind')}</TableHeaderCell>
                <TableHeaderCell>{t('concerns.column.raised')}</TableHeaderCell>
                <TableHeaderCell>{t('concerns.column.updated')}</TableHeaderCell>
                <TableHeaderCell>{t('concerns.column.text')}</TableHeaderCell>
                <TableHeaderCell>{t('concerns.column.change')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{label('concerns.kind', c.kind)}</TableCell>
                  <TableCell>{formatDateTime(c.createdAt)}</TableCell>
                  <TableCell>{formatDateTime(c.updatedAt)}</TableCell>
                  <TableCell>{c.text}</TableCell>
                  <TableCell>
                    <Select
                      size="small"
                      aria-label={t('concerns.changeLabel', { kind: c.kind, date: formatDateTime(c.createdAt) })}
                      value={chosen[c.id] ?? c.status}
                      disabled={action.busy}
                      onChange={(_e, d) => void change(c.id, d.value as ConcernStatus)}
                    >
                      {statuses.map((s) => (
                        <option key={s} value={s}>
                          {t(`concerns.status.${s}`)}
                        </option>
                      ))}
                    </Select>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Loaded>
      {action.problem && <ProblemMessage problem={action.problem} />}
    </Section>
  );
}
