/**
 * The one place that knows where the tab runs. Inside Teams: teams-js (SSO token, Teams theme,
 * live theme changes). In a plain browser (local development): the identity stand-in's sign-in,
 * the token kept in sessionStorage, and the system colour scheme with a toggle. Components see
 * only the Host interface.
 */
export type ThemeName = 'light' | 'dark' | 'contrast';

export interface Host {
  kind: 'teams' | 'browser';
  getToken(): Promise<string>;
  theme: ThemeName;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** Only the browser offers a toggle; Teams decides the theme itself. */
  toggleTheme?: () => void;
  /** Opens a link outside the tab (a deep link inside Teams). */
  openLink(url: string): void;
}

/** Teams loads tabs in a frame (web, desktop) or tells us by the `inTeams` query parameter (our manifest adds it). */
function looksLikeTeams(): boolean {
  const params = new URLSearchParams(window.location.search);
  if (params.get('inTeams') === '1') return true;
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

export async function connectHost(): Promise<Host> {
  if (looksLikeTeams()) {
    // teams-js is loaded only inside Teams, so the browser's first view does not carry it.
    const { connectTeams } = await import('./teamsHost');
    const teams = await connectTeams();
    if (teams) return teams;
  }
  const { connectBrowser } = await import('./browserHost');
  return connectBrowser();
}
