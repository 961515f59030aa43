/// <reference types="office-js" />
import { startBrowserSignIn } from '../../tabs/src/auth/browserSignIn';
import type { DialogAnswer } from './host/dialogTokens';

/**
 * The sign-in page the task pane opens with the Office dialog API where nested app authentication
 * is not available: the tab's browser sign-in (MSAL, authorization code with PKCE, redirecting
 * inside this dialog), then the access token handed to the pane through `messageParent`, never
 * through an address.
 */
async function answer(): Promise<DialogAnswer> {
  const asked = new URLSearchParams(window.location.search);
  try {
    const signIn = await startBrowserSignIn();
    const claims = asked.get('claims') ?? undefined;
    const token = await signIn.getToken(asked.has('interactive') ? { interactive: true, ...(claims ? { claims } : {}) } : {});
    return { kind: 'token', token };
  } catch (error) {
    // The pane words the failure in the person's language around this reason.
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

void Office.onReady().then(async () => {
  const reply = await answer();
  Office.context.ui.messageParent(JSON.stringify(reply), { targetOrigin: window.location.origin });
});
