/** What the tab needs from where it runs (Teams or a plain browser); components see only this interface. */
export type ThemeName = 'light' | 'dark' | 'contrast';

export interface TokenRequest {
  /** The API answered interactionRequired: ask the person (consent, MFA) */
  interactive?: boolean;
  /** The claims challenge from that answer, if any. */
  claims?: string;
}

export interface Host {
  kind: 'teams' | 'browser';
  /** The person's language as the host knows it (Teams' `app.locale`); the browser's languages otherwise. */
  locale?: string;
  getToken(request?: TokenRequest): Promise<string>;
  theme: ThemeName;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** Only the browser offers a toggle; Teams decides the theme itself. */
  toggleTheme?: () => void;
  /** Opens a link outside the tab (a deep link inside Teams). */
  openLink(url: string): void;
  /**
   * Opens a new meeting to plan a session: Teams' own meeting composer when the host offers it,
   * otherwise Outlook on the web's compose page (where the Upward add-in finds a time and place).
   */
  planMeeting(meeting: MeetingDraft): void;
  /** The address that opens this pair's workspace: the personal tab's deep link inside Teams, the tab's page in a browser. */
  workspaceLink(pairId: string): string;
  /** The pair a deep link asked to open (Teams' subPageId, or `#/workspace/<pairId>` in a browser), if any. */
  requestedPairId: string | null;
  /** Teams' configuration page of the meeting tab (frame context `settings`); null anywhere else. */
  tabSetup: TabSetup | null;
}

/** The tab Teams adds when the person presses Save on the configuration page. */
export interface TabToSave {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

export interface TabSetup {
  /** The chat (a meeting's chat) the tab is being added to. */
  chatId: string;
  /** What Save adds, or null while nothing can be added: Teams' Save button is enabled only with a tab to save. */
  offer(tab: TabToSave | null): void;
}

export interface MeetingDraft {
  subject: string;
  /** Plain text for the invitation body. */
  body: string;
  /** Entra object ids of the people to invite. */
  attendees: string[];
}

/** Outlook on the web's new-event page: what both hosts fall back to. */
export function outlookComposeUrl(meeting: MeetingDraft): string {
  const query = new URLSearchParams({ subject: meeting.subject, body: meeting.body });
  return `https://outlook.office.com/calendar/deeplink/compose?${query.toString()}`;
}

/** The pair named in `#/workspace/<pairId>`, the form `webWorkspaceLink` writes. */
export function pairIdFromHash(): string | null {
  const [route, pairId] = window.location.hash.replace(/^#\/?/, '').split('/');
  return route === 'workspace' && pairId ? decodeURIComponent(pairId) : null;
}

/** The tab's own address for one pair's workspace, outside Teams. */
export function webWorkspaceLink(pairId: string): string {
  return `${window.location.origin}${window.location.pathname}#/workspace/${encodeURIComponent(pairId)}`;
}
