import type { CertificateFiles } from './identity/selfSignedCertificate';
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
 * The environment of a host without a managed identity, beside the stand-in: the same variables
 * as `standInEnvironment` but IDENTITY_CREDENTIAL=certificate with the certificate's files (which
 * must be uploaded to both app registrations: `standIn.applications.upward` and `.bot`), and the
 * bot as its own app registration with the SDK's Certificate auth type. No IDENTITY_ENDPOINT.
 *
 * The bot connection keeps the SDK's default authority (Entra ID's public cloud): with a
 * certificate the SDK asks that authority for the bot's tokens itself, and msal-node accepts only
 * an https authority it knows, so a test that needs the bot's token puts login.microsoftonline.com
 * in front of the stand-in (test/harness/entraFront.ts).
 */
export function certificateEnvironment(standIn: M365StandIn, files: CertificateFiles): Record<string, string> {
  const { IDENTITY_ENDPOINT: _endpoint, IDENTITY_HEADER: _header, ...rest } = standInEnvironment(standIn);
  const withoutBotConnection = Object.fromEntries(Object.entries(rest).filter(([name]) => !name.startsWith('connections__')));
  return {
    ...withoutBotConnection,
    IDENTITY_CREDENTIAL: 'certificate',
    IDENTITY_CERTIFICATE_FILE: files.certificateFile,
    IDENTITY_CERTIFICATE_KEY_FILE: files.keyFile,
    connections__serviceConnection__settings__clientId: standIn.applications.bot.clientId,
    connections__serviceConnection__settings__tenantId: standIn.tenantId,
    connections__serviceConnection__settings__authType: 'Certificate',
    connections__serviceConnection__settings__certPemFile: files.certificateFile,
    connections__serviceConnection__settings__certKeyFile: files.keyFile,
    connections__serviceConnection__settings__validateIssuer: 'true',
  };
}

/**
 * App Service puts the identity endpoint in the process environment, where msal-node (Upward's
 * and the Agents SDK's) reads it; in one process beside the stand-in, so does this.
 */
export function exposeManagedIdentity(standIn: M365StandIn): void {
  Object.assign(process.env, standIn.managedIdentity.environment);
}
