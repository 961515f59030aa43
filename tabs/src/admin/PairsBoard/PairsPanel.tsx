import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Field, Input, mergeClasses, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { PairBoardRow } from '../../../../shared/api/pairBoard';
import { pairFlags } from '../../../../shared/pairHealth';
import { pairFlagSchema, pairStatusSchema, type PairBoardQuery } from '../../../../shared/schemas/pairBoard';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Loaded } from '../../common/Loaded/Loaded';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { useAction, useAsync } from '../../common/useAsync';
import { formatDate, formatDateTime } from '../../format';
import { label, t } from '../../i18n';
import type { AdminApi } from '../adminApi';
import { PairActions } from './PairActions';
import { usePairsBoardStyles } from './usePairsBoardStyles.styles';

/** One line of a pair's history, in the admin's language and locale. */
function historyLine(entry: PairBoardRow['history'][number]): string {
  return label('pairs.history', entry.change, {
    date: formatDateTime(entry.at),
    reason: entry.endReason ? label('pairs.endReason', entry.endReason) : '',
    byAdmin: entry.byAdmin ? 'yes' : 'no',
  });
}

/** One pair: who, where it stands and since when, its sessions and surveys, what needs attention, its history and what an admin may do. */
function PairItem({ pair, busy, onAct }: { pair: PairBoardRow; busy: boolean; onAct: Parameters<typeof PairActions>[0]['onAct'] }) {
  const styles = useFormStyles();
  const board = usePairsBoardStyles();
  const title = t('pairs.pairTitle', { mentor: pair.mentor.name, mentee: pair.mentee.name });
  return (
    <li className={styles.item} aria-label={title}>
      <strong>{title}</strong>
      <div className={styles.row}>
        <Badge appearance="tint" color={pair.status === 'ended' ? 'subtle' : 'brand'}>
          {label('pairStatus', pair.status)}
        </Badge>
        <span className={styles.meta}>{t('pairs.since', { date: formatDate(pair.since) })}</span>
        {pair.endReason && <span className={styles.meta}>{t('pairs.endedBecause', { reason: label('pairs.endReason', pair.endReason) })}</span>}
      </div>
      <div className={styles.row}>
        <span>{t('pairs.sessionsHeld', { count: pair.sessionsHeld })}</span>
        {pair.lastSessionAt && <span>{t('pairs.lastSession', { date: formatDate(pair.lastSessionAt) })}</span>}
        <span>{pair.nextSessionAt ? t('pairs.nextSession', { date: formatDateTime(pair.nextSessionAt) }) : t('pairs.noNextSession')}</span>
        <span>{pair.surveys.due === 0 ? t('pairs.noSurveyDue') : t('pairs.surveys', { answered: pair.surveys.answered, due: pair.surveys.due })}</span>
      </div>
      {pair.flags.length > 0 && (
        <ul className={mergeClasses(styles.list, board.flags)} aria-label={t('pairs.flagsLabel')}>
          {pair.flags.map((f) => (
            <li key={f}>
              <Badge appearance="filled" color={f === 'ineligible' || f === 'repair-requested' ? 'danger' : 'warning'}>
                {label('pairs.flag', f)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <Accordion collapsible>
        <AccordionItem value="history">
          <AccordionHeader size="small">{t('pairs.historyHeading', { count: pair.history.length })}</AccordionHeader>
          <AccordionPanel>
            {pair.history.length === 0 ? (
              <p className={styles.empty}>{t('pairs.historyEmpty')}</p>
            ) : (
              <ol className={styles.list} aria-label={t('pairs.historyLabel', { pair: title })}>
                {pair.history.map((h, i) => (
                  <li key={i} className={styles.meta}>
                    {historyLine(h)}
                  </li>
                ))}
              </ol>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <PairActions pair={pair} busy={busy} onAct={onAct} />
    </li>
  );
}

/**
 * The pairs board: every pair of the programme with its status, sessions, surveys and health
 * flags, filtered by status, flag or name; pause, resume, end or re-pair, each confirmed first.
 * It shows nothing a pair wrote.
 */
export function PairsPanel({ programmeId, calls }: { programmeId: string; calls: AdminApi }) {
  const styles = useFormStyles();
  const boardStyles = usePairsBoardStyles();
  const [query, setQuery] = useState<PairBoardQuery>({});
  const board = useAsync(() => calls.pairBoard(programmeId, query), [calls, programmeId, query]);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const onAct = (pair: PairBoardRow) => (act: Parameters<AdminApi['changePair']>[1], reason?: Parameters<AdminApi['changePair']>[2]) => {
    setDone(null);
    void action.run(() => calls.changePair(pair.id, act, reason)).then(async (ok) => {
      if (!ok) return;
      setDone(label('pairs.done', act, { mentor: pair.mentor.name, mentee: pair.mentee.name }));
      await board.reload();
    });
  };
  return (
    <Section title={t('pairs.heading')} hint={t('pairs.hint')}>
      <div className={mergeClasses(styles.row, boardStyles.filters)}>
        <Field label={t('admin.column.status')}>
          <Select className={boardStyles.select} select={{ className: boardStyles.select }} value={query.status ?? ''} onChange={(_e, d) => setQuery((q) => ({ ...q, status: d.value ? pairStatusSchema.parse(d.value) : undefined }))}>
            <option value="">{t('pairs.allStatuses')}</option>
            {pairStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {label('pairStatus', s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('pairs.filterFlag')}>
          <Select className={boardStyles.select} select={{ className: boardStyles.select }} value={query.flag ?? ''} onChange={(_e, d) => setQuery((q) => ({ ...q, flag: pairFlagSchema.safeParse(d.value).data }))}>
            <option value="">{t('pairs.allFlags')}</option>
            {pairFlags.map((f) => (
              <option key={f} value={f}>
                {label('pairs.flag', f)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('pairs.search')}>
          <Input type="search" value={query.q ?? ''} onChange={(_e, d) => setQuery((q) => ({ ...q, q: d.value || undefined }))} />
        </Field>
      </div>
      {action.problem && <ProblemMessage problem={action.problem} />}
      <p role="status" className={styles.meta}>
        {done ?? ''}
      </p>
      <Loaded result={board} loadingLabel={t('pairs.loading')} empty={t('pairs.empty')}>
        {(pairs) => (
          <>
            <p className={styles.meta}>{t('pairs.count', { count: pairs.length })}</p>
            <ul className={styles.list} aria-label={t('pairs.heading')}>
              {pairs.map((p) => (
                <PairItem key={p.id} pair={p} busy={action.busy} onAct={onAct(p)} />
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </Section>
  );
}
