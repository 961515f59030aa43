import { Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { PairBoardRow } from '../../../../shared/api/pairBoard';
import { adminEndReasonSchema, type AdminEndReason, type AdminPairAction } from '../../../../shared/schemas/pairBoard';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { label, t } from '../../i18n';

/** The abilities the board sends, by the action each allows. */
const allowedBy: Record<AdminPairAction, keyof PairBoardRow['abilities']> = { pause: 'pause', resume: 'resume', end: 'end', 're-pair': 'repair' };
const actions: readonly AdminPairAction[] = ['pause', 'resume', 'end', 're-pair'];

/**
 * What an admin may do with one pair now, each behind a dialog that says exactly what happens;
 * ending asks for a reason that blames nobody first.
 */
export function PairActions({ pair, busy, onAct }: { pair: PairBoardRow; busy: boolean; onAct: (action: AdminPairAction, reason?: AdminEndReason) => void }) {
  const styles = useFormStyles();
  const [reason, setReason] = useState<AdminEndReason | null>(null);
  const names = { mentor: pair.mentor.name, mentee: pair.mentee.name };
  const shown = actions.filter((a) => pair.abilities[allowedBy[a]]);
  if (shown.length === 0) return null;
  return (
    <div className={styles.row}>
      {shown.map((action) => (
        <ConfirmDialog
          key={action}
          triggerLabel={label('pairs.action', action)}
          triggerAriaLabel={label('pairs.actionLabel', action, names)}
          triggerAppearance={action === 're-pair' ? 'primary' : 'secondary'}
          triggerSize="small"
          disabled={busy}
          title={label('pairs.actionTitle', action, names)}
          body={label('pairs.actionBody', action, names)}
          confirmLabel={label('pairs.actionConfirm', action)}
          confirmDisabled={action === 'end' && reason === null}
          onConfirm={() => onAct(action, action === 'end' ? (reason ?? undefined) : undefined)}
        >
          {action === 'end' && (
            <RadioGroup aria-label={t('pairs.endReasonLabel')} value={reason ?? ''} onChange={(_e, d) => setReason(adminEndReasonSchema.parse(d.value))}>
              {adminEndReasonSchema.options.map((r) => (
                <Radio key={r} value={r} label={label('pairs.endReason', r)} />
              ))}
            </RadioGroup>
          )}
        </ConfirmDialog>
      ))}
    </div>
  );
}
