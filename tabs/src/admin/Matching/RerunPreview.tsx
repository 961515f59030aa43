import { Button } from '@fluentui/react-components';
import type { MatchPreview } from '../../../../shared/api/matching';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Section } from '../../common/Section/Section';
import { intl, label, t } from '../../i18n';

const names = (list: readonly string[]) => intl().list(list);

/** One heading and its list, or nothing when the list is empty. */
function Part({ heading, lines }: { heading: string; lines: string[] }) {
  const styles = useFormStyles();
  if (lines.length === 0) return null;
  return (
    <>
      <h3 className={styles.text}>{heading}</h3>
      <ul className={styles.list}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * What running the matching again would change, before anything changes: published pairs kept,
 * proposals that stay, who gains or loses a partner, who is newly matched and who is left
 * unmatched (and why). Apply asks first; Discard drops the preview.
 */
export function RerunPreview({ preview, busy, onApply, onDiscard }: { preview: MatchPreview; busy: boolean; onApply: () => void; onDiscard: () => void }) {
  const styles = useFormStyles();
  const pair = (p: { mentor: { displayName: string }; mentee: { displayName: string } }) => t('admin.pairNames', { mentor: p.mentor.displayName, mentee: p.mentee.displayName });
  const nothingChanges = preview.changes.length === 0 && preview.newlyMatched.length === 0;
  return (
    <Section title={t('matching.previewHeading')}>
      <p className={styles.text}>{t('matching.previewIntro', { kept: preview.kept.length })}</p>
      <Part heading={t('matching.kept')} lines={preview.kept.map((p) => t('matching.keptPair', { pair: pair(p), status: label('pairStatus', p.status) }))} />
      <Part heading={t('matching.stays')} lines={preview.stays.map(pair)} />
      <Part
        heading={t('matching.changes')}
        lines={preview.changes.map((c) => {
          const what = [...(c.gains.length > 0 ? [t('matching.gains', { names: names(c.gains) })] : []), ...(c.loses.length > 0 ? [t('matching.loses', { names: names(c.loses) })] : [])];
          return t('matching.change', { name: c.person.displayName, what: names(what) });
        })}
      />
      <Part heading={t('matching.newlyMatched')} lines={preview.newlyMatched.map((p) => t('matching.person', { name: p.displayName, role: p.role }))} />
      <Part heading={t('admin.unmatched')} lines={preview.unmatched.map((u) => t('matching.unmatched', { name: u.displayName, role: u.role, reason: label('matching.unmatchedCode', u.code) }))} />
      {nothingChanges && <p className={styles.empty}>{t('matching.nothingChanges')}</p>}
      <div className={styles.row}>
        <ConfirmDialog
          triggerLabel={t('matching.apply')}
          title={t('matching.applyTitle')}
          body={t('matching.applyConfirm')}
          confirmLabel={t('matching.applyAction')}
          disabled={busy}
          onConfirm={onApply}
        />
        <Button appearance="secondary" disabled={busy} onClick={onDiscard}>
          {t('matching.discard')}
        </Button>
      </div>
    </Section>
  );
}
