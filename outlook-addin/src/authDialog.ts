/// <reference types="office-js" />
import { startBrowserSignIn } from '../../tabs/src/auth/browserSignIn';
import type { DialogAnswer } from './host/dialogTokens';
import { loadLanguage, t } from './i18n';

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

/** The window's title and first line in Outlook's display language (the browser's languages after it), marking the page's lang and dir. */
async function speak(displayLanguage: string | undefined) {
  await loadLanguage([displayLanguage, ...navigator.languages]);
  document.title = t('signIn.windowTitle');
  document.getElementById('status')!.textContent = t('signIn.signingIn');
}

void Office.onReady().then(async () => {
  await speak(Office.context.displayLanguage);
  const reply = await answer();
  Office.context.ui.messageParent(JSON.stringify(reply), { targetOrigin: window.location.origin });
});
