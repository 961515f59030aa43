import { app, calendar, FrameContexts, nestedAppAuth, pages } from '@microsoft/teams-js';
import { teamsEntityLink } from '../../../shared/teamsDeepLinks';
import { t } from '../i18n';
import { outlookComposeUrl, webWorkspaceLink, type Host, type TabSetup, type TabToSave, type ThemeName } from './host';
import { fetchPublishedAuthConfig } from './publishedAuthConfig';
import { nestedAppAuthTokens, teamsSsoTokens } from './teamsTokens';

const INITIALIZE_TIMEOUT_MS = 8000;

/** A deep link to the pair's workspace tab; without an app id in the context (an old client) the web address. */
function teamsWorkspaceLink(appId: string | undefined, pairId: string): string {
  return appId ? teamsEntityLink(appId, 'workspace', pairId) : webWorkspaceLink(pairId);
}

export function teamsThemeName(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

async function initializeWithin(ms: number, validMessageOrigins: string[] | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(t('signIn.teamsDidNotAnswer'))), ms);
  });
  try {
    await Promise.race([app.initialize(validMessageOrigins), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The configuration page's side of `pages.config`: Save is enabled while there is a tab to
 * offer; pressing it sets that configuration and tells Teams whether it worked.
 */
function teamsTabSetup(chatId: string): TabSetup {
  let offered: TabToSave | null = null;
  pages.config.registerOnSaveHandler((save) => {
    if (!offered) {
      save.notifyFailure(t('meetingSetup.nothingToSave'));
      return;
    }
    pages.config.setConfig(offered).then(
      () => save.notifySuccess(),
      (error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)),
    );
  });
  pages.config.setValidityState(false);
  return {
    chatId,
    offer(tab) {
      offered = tab;
      pages.config.setValidityState(tab !== null);
    },
  };
}

/**
 * Connects to Teams (web, desktop or mobile): initialize, the context (theme, deep-linked pair),
 * and tokens by nested app authentication where Teams recommends it, Teams SSO otherwise.
 * Personal tabs run in the `content` frame context, where teams-js refuses `pages.config` calls;
 * only the meeting tab's configuration page (`settings`) gets a TabSetup.
 */
export async function connectTeams(): Promise<Host> {
  const config = await fetchPublishedAuthConfig();
  await initializeWithin(INITIALIZE_TIMEOUT_MS, config.teamsHostOrigins);
  const context = await app.getContext();
  const getToken = nestedAppAuth.isNAAChannelRecommended() ? await nestedAppAuthTokens(config) : teamsSsoTokens();
  const handlers: ((theme: ThemeName) => void)[] = [];
  const host: Host = {
    kind: 'teams',
    locale: context.app.locale,
    theme: teamsThemeName(context.app.theme),
    getToken,
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
    tabSetup: context.page.frameContext === FrameContexts.settings && context.chat?.id ? teamsTabSetup(context.chat.id) : null,
  };
  app.registerOnThemeChangeHandler((theme) => {
    host.theme = teamsThemeName(theme);
    for (const handler of handlers) handler(host.theme);
  });
  void app.notifySuccess();
  return host;
}
