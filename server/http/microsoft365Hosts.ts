/**
 * Origins of the Microsoft 365 hosts that frame Upward's tab and add-in (Teams, Outlook, the
 * Microsoft 365 app), as Microsoft's tab requirements list them for `frame-ancestors`:
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements
 * `*.cloud.microsoft` is where all of them are moving (teams.cloud.microsoft, outlook.cloud.microsoft, m365.cloud.microsoft).
 */
export const MICROSOFT_365_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.office365.com',
  'https://outlook.live.com',
];

/** Where teams-js fetches its current list of valid host origins (it falls back to its built-in list). */
export const TEAMS_JS_VALID_DOMAINS_ORIGIN = 'https://res.cdn.office.net';
