import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { useState } from 'react';
import { t } from '../../i18n';

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  triggerLabel: string;
  title: string;
  body: string;
  confirmLabel: string;
  disabled?: boolean;
  onConfirm(): void;
}

/**
 * A button that asks before it acts, in a Fluent dialog: Teams does not support `window.confirm`
 * (nor `alert` or `prompt`), and a dialog keeps focus and keyboard paths inside the tab.
 */
export function ConfirmDialog({ triggerLabel, title, body, confirmLabel, disabled, onConfirm }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" disabled={disabled}>
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('cancel')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
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
