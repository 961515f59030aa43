import { startBrowserSignIn } from '../auth/browserSignIn';
import { outlookComposeUrl, pairIdFromHash, webWorkspaceLink, type Host, type ThemeName } from './host';

const THEME_KEY = 'upward.theme';

function systemTheme(): ThemeName {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The tab outside Teams: signed in with MSAL (authorization code with PKCE), themed by the system or the toggle. */
export async function connectBrowser(): Promise<Host> {
  const signIn = await startBrowserSignIn();
  const handlers: ((theme: ThemeName) => void)[] = [];
  const chosen = sessionStorage.getItem(THEME_KEY);
  const host: Host = {
    kind: 'browser',
    theme: chosen === 'dark' || chosen === 'light' ? chosen : systemTheme(),
    getToken: (request) => signIn.getToken(request),
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
    tabSetup: null,
  };
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (sessionStorage.getItem(THEME_KEY)) return;
    host.theme = systemTheme();
    for (const handler of handlers) handler(host.theme);
  });
  return host;
}
