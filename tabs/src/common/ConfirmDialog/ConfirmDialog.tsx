import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { t } from '../../i18n';
import { useConfirmDialogStyles } from './useConfirmDialogStyles.styles';

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  triggerLabel: string;
  /** The trigger's accessible name, when its visible label alone does not say what it acts on. */
  triggerAriaLabel?: string;
  triggerAppearance?: 'primary' | 'secondary' | 'subtle';
  triggerSize?: 'small' | 'medium';
  title: string;
  body: string;
  /** A choice to make before confirming (a reason, say), shown under the body. */
  children?: ReactNode;
  confirmLabel: string;
  disabled?: boolean;
  /** The confirm button waits until the choice above it is made. */
  confirmDisabled?: boolean;
  onConfirm(): void;
}

/**
 * A button that asks before it acts, in a Fluent dialog: Teams does not support `window.confirm`
 * (nor `alert` or `prompt`), and a dialog keeps focus and keyboard paths inside the tab.
 */
export function ConfirmDialog({ triggerLabel, triggerAriaLabel, triggerAppearance = 'primary', triggerSize, title, body, children, confirmLabel, disabled, confirmDisabled, onConfirm }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const styles = useConfirmDialogStyles();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={triggerAppearance} size={triggerSize} aria-label={triggerAriaLabel} disabled={disabled}>
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody className={styles.text}>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <p>{body}</p>
            {children}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <DialogTrigger disableButtonEnhancement>
              <Button className={styles.button} appearance="secondary">
                {t('cancel')}
              </Button>
            </DialogTrigger>
            <Button
              className={styles.button}
              appearance="primary"
              disabled={confirmDisabled}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
