import { app, authentication, pages } from '@microsoft/teams-js';
import type { Host, ThemeName } from './host';

const INITIALIZE_TIMEOUT_MS = 5000;

export function teamsThemeName(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

/** Resolves to null when the frame is not Teams after all (initialize never answers). */
export async function connectTeams(): Promise<Host | null> {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), INITIALIZE_TIMEOUT_MS));
  const outcome = await Promise.race([app.initialize().then(() => 'ok' as const), timeout]).catch(() => 'failed' as const);
  if (outcome !== 'ok') return null;
  const context = await app.getContext();
  const handlers: ((theme: ThemeName) => void)[] = [];
  const host: Host = {
    kind: 'teams',
    theme: teamsThemeName(context.app.theme),
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => handlers.push(handler),
    openLink: (url) => {
      void app.openLink(url);
    },
  };
  app.registerOnThemeChangeHandler((theme) => {
    host.theme = teamsThemeName(theme);
    for (const handler of handlers) handler(host.theme);
  });
  app.notifySuccess();
  if (pages.isSupported()) pages.config.setValidityState(true);
  return host;
}
