/// <reference types="office-js" />
import type { TokenRequest } from '../../../tabs/src/host/host';
import { t } from '../i18n';

/** What the sign-in dialog page sends back to the pane through `messageParent` (never through an address). */
export type DialogAnswer = { kind: 'token'; token: string } | { kind: 'error'; message: string };

/** The dialog page, on the pane's own origin; `interactive` and `claims` ask for consent or a claims challenge. */
export const dialogPath = '/addin/auth-dialog.html';

type OfficeUi = Pick<typeof Office.context.ui, 'displayDialogAsync'>;
type DialogEvents = Pick<typeof Office.EventType, 'DialogMessageReceived' | 'DialogEventReceived'>;

/** Office's dialog error codes (DialogEventReceived): the person closed it; the page could not be shown. */
const closedByPerson = 12006;

/** A token's expiry from its `exp` claim (read, not verified: the API verifies it), or now when unreadable. */
function expiresAt(token: string): number {
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const exp = (JSON.parse(atob(payload)) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/** Renewed this long before it expires, so a request never leaves with a token about to lapse. */
const renewMs = 5 * 60_000;

/**
 * Where nested app authentication is not available, the fallback Microsoft documents for Office
 * add-ins: the Office dialog API opens a page of ours, which signs in with MSAL's authorization code
 * flow with PKCE and hands the access token back through `messageParent`. Kept in memory until
 * shortly before it expires; several calls at once share one dialog.
 */
export function dialogTokens(ui: OfficeUi, events: DialogEvents, origin: string, clock: () => number = Date.now): (request?: TokenRequest) => Promise<string> {
  let cached: { token: string; expires: number } | null = null;
  let asking: Promise<string> | null = null;

  const ask = (request: TokenRequest) =>
    new Promise<string>((resolve, reject) => {
      const query = new URLSearchParams();
      if (request.interactive) query.set('interactive', '1');
      if (request.claims) query.set('claims', request.claims);
      const url = `${origin}${dialogPath}${query.size > 0 ? `?${query.toString()}` : ''}`;
      ui.displayDialogAsync(url, { height: 60, width: 30, displayInIframe: false }, (opened) => {
        if ((opened.status as unknown) === 'failed') return reject(new Error(t('signIn.windowFailed', { reason: opened.error.message })));
        const dialog = opened.value;
        dialog.addEventHandler(events.DialogMessageReceived, (arg) => {
          // Only our own page may answer (Office reports the origin of the message).
          if (!('message' in arg) || ('origin' in arg && arg.origin !== undefined && arg.origin !== origin)) return;
          dialog.close();
          const answer = JSON.parse(arg.message) as DialogAnswer;
          if (answer.kind === 'token') resolve(answer.token);
          else reject(new Error(t('signIn.dialogFailed', { reason: answer.message })));
        });
        dialog.addEventHandler(events.DialogEventReceived, (arg) => {
          const code = 'error' in arg ? arg.error : 0;
          reject(new Error(code === closedByPerson ? t('signIn.windowClosed') : t('signIn.windowStopped', { code })));
        });
      });
    });

  return async (request = {}) => {
    if (!request.interactive && cached && cached.expires - renewMs > clock()) return cached.token;
    asking ??= ask(request)
      .then((token) => {
        cached = { token, expires: expiresAt(token) };
        return token;
      })
      .finally(() => {
        asking = null;
      });
    return asking;
  };
}
