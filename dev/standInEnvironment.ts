import type { M365StandIn } from './m365StandIn';

/**
 * The environment that points Upward at a running stand-in: the same variables a real tenant and
 * App Service give it (infra/main.bicep), with the stand-in's addresses. No secret: the managed
 * identity is the only credential, and the bot trusts the stand-in's Bot Connector as its issuer.
 */
export function standInEnvironment(standIn: M365StandIn): Record<string, string> {
  return {
    ENTRA_CLIENT_ID: standIn.clientId,
    ENTRA_ALLOWED_TENANTS: standIn.tenantId,
    ENTRA_AUTHORITY_HOST: standIn.url,
    GRAPH_BASE_URL: standIn.graphBaseUrl,
    UPWARD_DEV_TEAMS_HOST_ORIGIN: standIn.url,
    ...standIn.managedIdentity.environment,
    ...botConnectionEnvironment(standIn),
    // The local Agents Playground sends unsigned activities; allowed only beside the stand-in, on loopback.
    BOT_AUTH: 'anonymous',
  };
}

/** The Agents SDK connection for the stand-in: its managed identity, and its Bot Connector as the trusted issuer. */
export function botConnectionEnvironment(standIn: M365StandIn): Record<string, string> {
  return {
    connections__serviceConnection__settings__clientId: standIn.managedIdentity.clientId,
    connections__serviceConnection__settings__tenantId: standIn.tenantId,
    connections__serviceConnection__settings__authType: 'UserManagedIdentity',
    connections__serviceConnection__settings__validateIssuer: 'true',
    connections__serviceConnection__settings__authorityEndpoint: standIn.botConnector.authority,
    connections__serviceConnection__settings__issuers: standIn.botConnector.issuer,
  };
}

/**
 * App Service puts the identity endpoint in the process environment, where msal-node (Upward's
 * and the Agents SDK's) reads it; in one process beside the stand-in, so does this.
 */
export function exposeManagedIdentity(standIn: M365StandIn): void {
  Object.assign(process.env, standIn.managedIdentity.environment);
}
