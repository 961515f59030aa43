/**
 * Fixed identifiers of the demo tenant. They are constants (not derived from the seed) so that
 * configuration files, the README and end-to-end tests can name them.
 */
export const DEMO_TENANT_ID = '7d3c5a1e-2b4f-4c8d-9e6a-0f1b2c3d4e5f';
export const DEMO_DOMAIN = 'upwarddemo.onmicrosoft.com';

/** The Upward app registration (client) id, the audience of Upward access tokens. */
export const UPWARD_CLIENT_ID = 'b8f2e6d4-3a1c-4e7b-8d9f-6c5a4b3e2d1f';
/** Application ID URI of the Upward API; clients ask for `${UPWARD_APP_ID_URI}/access_as_user`. */
export const UPWARD_APP_ID_URI = `api://localhost/${UPWARD_CLIENT_ID}`;
/** Object id of Upward's service principal in the demo tenant (the `oid` of app-only tokens). */
export const UPWARD_SERVICE_PRINCIPAL_ID = 'c4a7e9b2-5d3f-4a1e-8b6c-2f9d7e5a3c1b';

/**
 * Upward's single-page-application redirect URIs (the tab's MSAL redirect page). On loopback hosts
 * Entra ID ignores the port when it compares redirect URIs, so these serve every local port.
 */
export const UPWARD_SPA_REDIRECT_URIS = ['http://localhost/tab/auth-redirect.html', 'http://127.0.0.1/tab/auth-redirect.html'];

export const UPWARD_ADMIN_ROLE = 'Upward.Admin';
export const UPWARD_USER_SCOPE = 'access_as_user';

/** Microsoft Graph's resource, as it appears in scopes and in the `aud` of Graph tokens. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** Graph permissions the Upward registration has been consented to, by kind. */
export const UPWARD_GRAPH_DELEGATED_SCOPES = ['User.Read', 'User.ReadBasic.All', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'Place.Read.All', 'ChannelMessage.Send'];
export const UPWARD_GRAPH_APP_ROLES = ['User.Read.All', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'Place.Read.All', 'TeamsAppInstallation.ReadWriteForUser.All', 'OnlineMeetings.Read.All', 'TeamsAppInstallation.ReadWriteForChat.All', 'TeamsTab.Read.All'];

/** The demo tenant's org-wide team (every person is a member) and its channel for programme stories. */
export const DEMO_TEAM_ID = '3f2a6c1d-8b4e-4d7a-9c5f-1e2d3c4b5a69';
export const DEMO_STORIES_CHANNEL_ID = '19:upward-stories-3f2a6c1d@thread.tacv2';
