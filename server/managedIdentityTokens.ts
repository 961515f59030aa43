import { ManagedIdentityApplication } from '@azure/msal-node';

/** The audience Entra ID expects of a token presented as a federated identity credential. */
export const TOKEN_EXCHANGE_RESOURCE = 'api://AzureADTokenExchange';
/** The resource of Azure Database for PostgreSQL's Microsoft Entra authentication. */
export const AZURE_POSTGRES_RESOURCE = 'https://ossrdbms-aad.database.windows.net';

/**
 * Tokens of the user-assigned managed identity for one resource. msal-node finds the identity
 * endpoint itself (on App Service, IDENTITY_ENDPOINT and IDENTITY_HEADER) and caches each token
 * until shortly before it expires, so asking on every use costs nothing.
 */
export function managedIdentityTokens(managedIdentityClientId: string, resource: string): () => Promise<string> {
  const identity = new ManagedIdentityApplication({ managedIdentityIdParams: { userAssignedClientId: managedIdentityClientId } });
  return async () => (await identity.acquireToken({ resource })).accessToken;
}
