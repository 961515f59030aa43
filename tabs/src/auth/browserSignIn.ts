import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type PopupRequest,
} from '@azure/msal-browser';
import type { TokenRequest } from '../host/host';
import { loadSignInConfig } from './signInConfig';

/**
 * The page Entra ID returns to (registered as a single-page-application redirect URI in
 * aad.manifest.json). The add-in's task pane signs in through the same page, on the same origin.
 */
const REDIRECT_PATH = '/tab/auth-redirect.html';

export interface BrowserSignIn {
  /** An access token for Upward's API: from MSAL's cache or refresh token, or by asking the person. */
  getToken(request?: TokenRequest): Promise<string>;
}

const never = () => new Promise<never>(() => undefined);

/** A `login_hint` on the tab's address (the "sign in as" links `npm start` prints) names who to sign in; it is a hint, not a credential. */
function loginHintFromAddress(): string | undefined {
  return new URLSearchParams(window.location.search).get('login_hint') ?? undefined;
}

/** Popups need a user gesture in most browsers; when one is blocked, a full-page redirect asks instead. */
function popupWasBlocked(error: unknown): boolean {
  return error instanceof BrowserAuthError && (error.errorCode === BrowserAuthErrorCodes.popupWindowError || error.errorCode === BrowserAuthErrorCodes.emptyWindowError);
}

/**
 * Sign-in outside Teams and Outlook: MSAL's authorization code flow with PKCE. It first finishes a
 * sign-in that redirected back here, and otherwise sends the person to sign in (and never resolves).
 * No token is ever read from the address: MSAL redeems the code itself.
 */
export async function startBrowserSignIn(): Promise<BrowserSignIn> {
  const config = await loadSignInConfig();
  const msal = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      authorityMetadata: config.authorityMetadata,
      redirectUri: `${window.location.origin}${REDIRECT_PATH}`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  const result = await msal.handleRedirectPromise();
  const loginHint = loginHintFromAddress();
  const account: AccountInfo | null = result?.account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;
  if (!account || (loginHint && account.username.toLowerCase() !== loginHint.toLowerCase() && account.localAccountId !== loginHint)) {
    await msal.loginRedirect({ scopes: [config.scope], loginHint, redirectStartPage: window.location.href });
    return never();
  }
  msal.setActiveAccount(account);
  const scopes = [config.scope];

  async function interactively(request: TokenRequest): Promise<string> {
    // With a claims challenge the person signs in again to meet it; without one, they are asked to consent.
    const popup: PopupRequest = { scopes, account: account!, ...(request.claims ? { claims: request.claims } : { prompt: 'consent' }) };
    try {
      return (await msal.acquireTokenPopup(popup)).accessToken;
    } catch (error) {
      if (!popupWasBlocked(error)) throw error;
      await msal.acquireTokenRedirect({ ...popup, redirectStartPage: window.location.href });
      return never();
    }
  }

  // Several API calls can need the person at once: they share one popup.
  let asking: Promise<string> | null = null;
  return {
    async getToken(request = {}) {
      if (request.interactive) {
        asking ??= interactively(request).finally(() => {
          asking = null;
        });
        return asking;
      }
      if (asking) return asking;
      try {
        return (await msal.acquireTokenSilent({ scopes, account })).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        await msal.acquireTokenRedirect({ scopes, account, redirectStartPage: window.location.href });
        return never();
      }
    },
  };
}
