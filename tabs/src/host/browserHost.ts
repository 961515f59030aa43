import { outlookComposeUrl, pairIdFromHash, webWorkspaceLink, type Host, type ThemeName } from './host';

const TOKEN_KEY = 'upward.token';
const THEME_KEY = 'upward.theme';

const AUTH_KEY = 'upward.auth';

/**
 * Where to sign in: `?authority=<authority>&clientId=<guid>` on the tab's address when given
 * (remembered for the browser tab's session), otherwise what the service publishes at
 * /auth/config.json. Needed only to send someone to sign in.
 */
interface BrowserAuthConfig {
  authority: string;
  clientId: string;
}

export class SignInNotConfiguredError extends Error {}

function readTokenFromFragment(): string | null {
  const hash = window.location.hash;
  if (!hash.includes('access_token=')) return null;
  const params = new URLSearchParams(hash.slice(1));
  const token = params.get('access_token');
  const returnTo = params.get('state') ?? '#/workspace';
  // Take the token out of the address bar (and history) straight away.
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${returnTo.startsWith('#') ? returnTo : '#/workspace'}`);
  return token;
}

function tokenIsFresh(token: string): boolean {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' && payload.exp * 1000 > Date.now() + 60_000;
  } catch {
    return false;
  }
}

/** Keeps the stand-in's address from the query for the session, so a later sign-in can use it. */
function rememberAuthConfig(): void {
  const params = new URLSearchParams(window.location.search);
  const authority = params.get('authority');
  const clientId = params.get('clientId');
  if (authority && clientId) sessionStorage.setItem(AUTH_KEY, JSON.stringify({ authority: authority.replace(/\/+$/, ''), clientId }));
}

async function authConfig(): Promise<BrowserAuthConfig> {
  const remembered = sessionStorage.getItem(AUTH_KEY);
  if (remembered) return JSON.parse(remembered) as BrowserAuthConfig;
  const published = await fetch('/auth/config.json').then((r) => (r.ok ? (r.json() as Promise<BrowserAuthConfig>) : null), () => null);
  if (published?.authority && published.clientId) return published;
  throw new SignInNotConfiguredError('Open the tab with ?authority=...&clientId=..., or use a "sign in as" link that npm start prints.');
}

export async function signInRedirect(): Promise<never> {
  const { authority, clientId } = await authConfig();
  const redirect = `${window.location.origin}${window.location.pathname}${window.location.search}`;
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'token',
    redirect_uri: redirect,
    scope: `api://${clientId}/access_as_user`,
    state: window.location.hash || '#/workspace',
  });
  window.location.assign(`${authority}/oauth2/v2.0/authorize?${query.toString()}`);
  return new Promise<never>(() => undefined);
}

function systemTheme(): ThemeName {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export async function connectBrowser(): Promise<Host> {
  // A sign-in link (such as the ones `npm start` prints) may bring the token without the stand-in's address.
  const fromFragment = readTokenFromFragment();
  if (fromFragment) sessionStorage.setItem(TOKEN_KEY, fromFragment);
  rememberAuthConfig();
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (!stored || !tokenIsFresh(stored)) {
    sessionStorage.removeItem(TOKEN_KEY);
    return signInRedirect();
  }
  const handlers: ((theme: ThemeName) => void)[] = [];
  const chosen = sessionStorage.getItem(THEME_KEY);
  const host: Host = {
    kind: 'browser',
    theme: chosen === 'dark' || chosen === 'light' ? chosen : systemTheme(),
    getToken: async () => {
      const token = sessionStorage.getItem(TOKEN_KEY);
      if (token && tokenIsFresh(token)) return token;
      return signInRedirect();
    },
    onThemeChange: (handler) => handlers.push(handler),
    toggleTheme: () => {
      host.theme = host.theme === 'dark' ? 'light' : 'dark';
      sessionStorage.setItem(THEME_KEY, host.theme);
      for (const handler of handlers) handler(host.theme);
    },
    openLink: (url) => {
      window.open(url, '_blank', 'noopener');
    },
    planMeeting: (meeting) => {
      window.open(outlookComposeUrl(meeting), '_blank', 'noopener');
    },
    workspaceLink: webWorkspaceLink,
    requestedPairId: pairIdFromHash(),
  };
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (sessionStorage.getItem(THEME_KEY)) return;
    host.theme = systemTheme();
    for (const handler of handlers) handler(host.theme);
  });
  return host;
}
