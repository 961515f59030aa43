import { Badge, Button, Dropdown, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { ConfirmDialog } from '../common/ConfirmDialog/ConfirmDialog';
import { ConstraintsSection } from './ConstraintsSection';
import { PublishedPairs } from './Matching/PublishedPairs';
import { RerunPreview } from './Matching/RerunPreview';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { useAdminPageStyles } from './useAdminPageStyles.styles';
import { formatDateTime } from '../format';
import { intl, t } from '../i18n';
import type { MatchPreview, MatchRunView } from '../../../shared/api/matching';
import { wordPairReason, wordUnmatchedReason } from '../../../shared/matching/reasons';
import type { AdminApi } from './adminApi';

type Proposal = MatchRunView['proposals'][number];

// The engine's reasons are codes; they are worded here, in the admin's language.
const words = { t, list: (items: readonly string[]) => intl().list(items) };

function SwapControl({ proposal, others, onSwap, busy }: { proposal: Proposal; others: Proposal[]; onSwap: (other: Proposal) => void; busy: boolean }) {
  const [target, setTarget] = useState<string | null>(null);
  const chosen = others.find((o) => o.mentor.participantId === target);
  return (
    <>
      <Dropdown
        size="small"
        aria-label={`${t('admin.swapWith')} (${proposal.mentee.displayName})`}
        placeholder={t('admin.swapWith')}
        // Fluent's clear button is named in English unless told otherwise.
        clearButton={{ 'aria-label': t('admin.clearSelection') }}
        onOptionSelect={(_e, d) => setTarget(d.optionValue ?? null)}
      >
        {others.map((o) => (
          <Option key={o.mentor.participantId} value={o.mentor.participantId} text={t('admin.pairNames', { mentor: o.mentor.displayName, mentee: o.mentee.displayName })}>
            {t('admin.pairNames', { mentor: o.mentor.displayName, mentee: o.mentee.displayName })}
          </Option>
        ))}
      </Dropdown>
      <Button size="small" disabled={!chosen || busy} onClick={() => chosen && onSwap(chosen)}>
        {t('admin.swap')}
      </Button>
    </>
  );
}

/** Matching review: the published pairs, proposals with the engine's reasons, block, pin, swap, a re-run previewed before it is applied, publish. */
export function MatchingPanel({ programmeId, calls }: { programmeId: string; calls: AdminApi }) {
  const styles = useFormStyles();
  const adminStyles = useAdminPageStyles();
  const run = useAsync(() => calls.latestRun(programmeId).catch((p: { status?: number }) => (p.status === 404 ? null : Promise.reject(p))), [calls, programmeId]);
  const constraints = useAsync(() => calls.constraints(programmeId), [calls, programmeId]);
  const published = useAsync(() => calls.pairBoard(programmeId, {}).then((pairs) => pairs.filter((p) => p.status !== 'ended')), [calls, programmeId]);
  const [preview, setPreview] = useState<MatchPreview | null>(null);
  const action = useAction();
  const act = (call: () => Promise<unknown>) =>
    void action.run(call).then((ok) => (ok ? Promise.all([run.reload(), constraints.reload(), published.reload()]) : undefined));
  // A refused apply (the preview went stale) drops the preview too: its numbers are no longer true.
  const apply = (fingerprint: string) => void action.run(() => calls.applyPreview(programmeId, fingerprint)).then((ok) => {
    setPreview(null);
    return ok ? Promise.all([run.reload(), published.reload()]) : undefined;
  });
  const current = run.state.status === 'ready' ? run.state.data : null;
  return (
    <>
      <PublishedPairs pairs={published} />
      <Section title={t('admin.matchingHeading')}>
        <div className={styles.row}>
          <Button appearance={current ? 'secondary' : 'primary'} disabled={action.busy} onClick={() => void action.run(() => calls.previewRun(programmeId).then(setPreview))}>
            {current ? t('matching.previewRerun') : t('matching.preview')}
          </Button>
          {current && !current.publishedAt && (
            <ConfirmDialog
              triggerLabel={t('admin.publish')}
              title={t('admin.publishConfirmTitle')}
              body={t('admin.publishConfirm')}
              confirmLabel={t('admin.publishConfirmAction')}
              disabled={action.busy || current.proposals.length === 0}
              onConfirm={() => act(() => calls.publish(programmeId, current.id))}
            />
          )}
          {current?.publishedAt && <Badge appearance="tint">{t('admin.published', { date: formatDateTime(current.publishedAt) })}</Badge>}
        </div>
        {action.problem && <ProblemMessage problem={action.problem} />}
        {preview && <RerunPreview preview={preview} busy={action.busy} onApply={() => apply(preview.fingerprint)} onDiscard={() => setPreview(null)} />}
        <Loaded result={run}>
          {(current) =>
            current ? (
              <>
                <h3 className={styles.text}>{t('admin.proposals')}</h3>
                <div className={adminStyles.tableWrap}>
                  <Table className={adminStyles.table} aria-label={t('admin.proposals')} size="small">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('admin.mentor')}</TableHeaderCell>
                        <TableHeaderCell>{t('admin.mentee')}</TableHeaderCell>
                        <TableHeaderCell>{t('admin.score')}</TableHeaderCell>
                        <TableHeaderCell>{t('admin.reasons')}</TableHeaderCell>
                        <TableHeaderCell>{t('admin.column.actions')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {current.proposals.map((p) => {
                        const pair = { mentorUserId: p.mentor.userId, menteeUserId: p.mentee.userId };
                        return (
                          <TableRow key={p.mentor.participantId + p.mentee.participantId}>
                            <TableCell>{p.mentor.department ? t('admin.personInDepartment', { name: p.mentor.displayName, department: p.mentor.department }) : p.mentor.displayName}</TableCell>
                            <TableCell>{p.mentee.department ? t('admin.personInDepartment', { name: p.mentee.displayName, department: p.mentee.department }) : p.mentee.displayName}</TableCell>
                            <TableCell>{p.score ?? ''}</TableCell>
                            <TableCell>
                              <ul className={styles.list}>
                                {p.reasons.map((r) => (
                                  <li key={r.code}>{wordPairReason(r, words)}</li>
                                ))}
                              </ul>
                            </TableCell>
                            <TableCell>
                              {!current.publishedAt && (
                                <div className={styles.row}>
                                  {p.pinned ? (
                                    <Badge>{t('admin.pinned')}</Badge>
                                  ) : (
                                    <Button size="small" aria-label={`${t('admin.pin')}: ${p.mentor.displayName} / ${p.mentee.displayName}`} onClick={() => act(() => calls.constrain(programmeId, { ...pair, kind: 'pin' }))}>
                                      {t('admin.pin')}
                                    </Button>
                                  )}
                                  <Button size="small" aria-label={`${t('admin.block')}: ${p.mentor.displayName} / ${p.mentee.displayName}`} onClick={() => act(() => calls.constrain(programmeId, { ...pair, kind: 'block' }))}>
                                    {t('admin.block')}
                                  </Button>
                                  <SwapControl proposal={p} others={current.proposals.filter((o) => o !== p)} busy={action.busy} onSwap={(o) => act(() => calls.swap(programmeId, p, o).then(() => calls.run(programmeId)))} />
                                </div>
                              )}
                            </TableCell>
                          </TableRow>
                        );
                      })}
                    </TableBody>
                  </Table>
                </div>
                {current.unmatched.length > 0 && (
                  <>
                    <h3 className={styles.text}>{t('admin.unmatched')}</h3>
                    <ul className={styles.list}>
                      {current.unmatched.map((u) => (
                        <li key={u.participantId}>{t('admin.unmatchedPerson', { name: u.displayName, role: u.role, reason: u.reason ? wordUnmatchedReason(u.reason, words) : '' })}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            ) : (
              <p className={styles.empty}>{t('admin.noRun')}</p>
            )
          }
        </Loaded>
      </Section>
      <ConstraintsSection programmeId={programmeId} calls={calls} constraints={constraints.state.status === 'ready' ? constraints.state.data : null} busy={action.busy} act={act} />
      {constraints.state.status === 'error' && <ProblemMessage problem={constraints.state.problem} />}
    </>
  );
}
