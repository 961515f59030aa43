import { ManagedIdentityApplication } from '@azure/msal-node';

/** The audience Entra ID expects of a token presented as a federated identity credential. */
export const TOKEN_EXCHANGE_RESOURCE = 'api://AzureADTokenExchange';

/**
 * A client assertion callback for MSAL: the user-assigned managed identity's token for Entra ID's
 * token exchange, which the app registration trusts as its federated identity credential. msal-node
 * finds the identity endpoint itself (on App Service, IDENTITY_ENDPOINT and IDENTITY_HEADER) and
 * caches the token until shortly before it expires.
 */
export function managedIdentityAssertion(managedIdentityClientId: string): () => Promise<string> {
  const identity = new ManagedIdentityApplication({ managedIdentityIdParams: { userAssignedClientId: managedIdentityClientId } });
  return async () => (await identity.acquireToken({ resource: TOKEN_EXCHANGE_RESOURCE })).accessToken;
}
