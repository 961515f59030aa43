import type { M365StandIn } from './m365StandIn';

/** The environment that points Upward at a running stand-in: the same variables a real tenant needs. */
export function standInEnvironment(standIn: M365StandIn): Record<string, string> {
  return {
    ENTRA_CLIENT_ID: standIn.clientId,
    ENTRA_ALLOWED_TENANTS: standIn.tenantId,
    ENTRA_AUTHORITY_HOST: standIn.url,
    ENTRA_CLIENT_SECRET: standIn.clientSecret,
    GRAPH_BASE_URL: standIn.graphBaseUrl,
    UPWARD_DEV_TEAMS_HOST_ORIGIN: standIn.url,
    // The local Agents Playground sends unsigned activities; production refuses this setting.
    BOT_AUTH: 'anonymous',
  };
}
