/**
 * The one place that knows where the tab runs. Inside Teams: teams-js (SSO token, Teams theme,
 * live theme changes). In a plain browser: MSAL's authorization code flow with PKCE against the
 * authority the service publishes, and the system colour scheme with a toggle. Components see
 * only the Host interface (host.ts).
 */
import type { Host } from './host';

/**
 * Teams loads tabs in a frame (web, desktop) or, on mobile, in a webview into which it injects
 * `window.nativeInterface` (what teams-js itself looks for when there is no parent window).
 */
function looksLikeTeams(): boolean {
  if ('nativeInterface' in window) return true;
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

export async function connectHost(): Promise<Host> {
  if (looksLikeTeams()) {
    // teams-js and MSAL's nested app authentication load only inside Teams, so the browser's first view does not carry them.
    const { connectTeams } = await import('./teamsHost');
    return connectTeams();
  }
  const { connectBrowser } = await import('./browserHost');
  return connectBrowser();
}
