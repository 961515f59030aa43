/// <reference types="office-js" />
import { t } from '../i18n';

/**
 * The Office.js requirement sets the task pane relies on. The manifest declares `mailbox` as its
 * minimum (a test keeps the two in step), so Outlook does not offer the add-in where it cannot
 * run; the pane checks again at run time, because an Outlook can be older than the manifest's
 * store listing expects (a perpetual or un-updated Windows build).
 */
export const requiredSets = {
  /** `item.enhancedLocation` (the room invited as a resource). */
  mailbox: '1.8',
} as const;

/** Used when present: sensitivity private (else asked by hand) and the Office theme (else light). */
export const optionalSets = { sensitivityAndTheme: { name: 'Mailbox', version: '1.14' } } as const;

/** What the person reads on an Outlook too old for the pane, or null when it is new enough. */
export function tooOldMessage(requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'>): string | null {
  if (requirements.isSetSupported('Mailbox', requiredSets.mailbox)) return null;
  return t('tooOld', { version: requiredSets.mailbox });
}
