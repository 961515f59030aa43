import { app, authentication, calendar, pages } from '@microsoft/teams-js';
import { outlookComposeUrl, webWorkspaceLink, type Host, type ThemeName } from './host';

const INITIALIZE_TIMEOUT_MS = 5000;
/** The personal tab's entityId in appPackage/manifest.json. */
const WORKSPACE_ENTITY_ID = 'workspace';

/**
 * A deep link to the personal workspace tab; the subEntityId (the pair) reaches the tab as
 * `page.subPageId` in its context. Without an app id (an old client) the web address is used.
 */
function teamsWorkspaceLink(appId: string | undefined, pairId: string): string {
  if (!appId) return webWorkspaceLink(pairId);
  const context = encodeURIComponent(JSON.stringify({ subEntityId: pairId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${WORKSPACE_ENTITY_ID}?context=${context}`;
}

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
    planMeeting: (meeting) => {
      if (calendar.isSupported()) {
        void calendar.composeMeeting({ subject: meeting.subject, content: meeting.body, attendees: meeting.attendees });
      } else {
        void app.openLink(outlookComposeUrl(meeting));
      }
    },
    workspaceLink: (pairId) => teamsWorkspaceLink(context.app.appId?.toString(), pairId),
    requestedPairId: context.page.subPageId || null,
  };
  app.registerOnThemeChangeHandler((theme) => {
    host.theme = teamsThemeName(theme);
    for (const handler of handlers) handler(host.theme);
  });
  app.notifySuccess();
  if (pages.isSupported()) pages.config.setValidityState(true);
  return host;
}
