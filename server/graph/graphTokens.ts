import { ConfidentialClientApplication } from '@azure/msal-node';
import { msalAuthorityFor } from './msalAuthority';

/** Access tokens for Microsoft Graph, for one tenant at a time. */
export interface GraphTokens {
  /** The app's own identity (client credentials), for background work such as the reporting-line sync. */
  appOnly(tenantId: string): Promise<string>;
  /** On behalf of a signed-in user, exchanging the access token they sent Upward. */
  onBehalfOf(tenantId: string, userAccessToken: string): Promise<string>;
}

export interface GraphTokensOptions {
  authorityHost: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Graph's resource identifier, the prefix of the `.default` scope. */
  graphResource?: string;
}

export class GraphTokenError extends Error {}

/**
 * Gets Graph tokens through MSAL, which caches them and refreshes them before they expire. One
 * confidential client per tenant, since the authority (and its metadata) is per tenant.
 */
export function createGraphTokens(options: GraphTokensOptions): GraphTokens {
  const scopes = [`${options.graphResource ?? 'https://graph.microsoft.com'}/.default`];
  const clients = new Map<string, Promise<ConfidentialClientApplication>>();

  function clientFor(tenantId: string): Promise<ConfidentialClientApplication> {
    let client = clients.get(tenantId);
    if (!client) {
      const secret = options.clientSecret;
      if (!secret) throw new GraphTokenError('Calling Microsoft Graph needs the app registration\'s secret: set ENTRA_CLIENT_SECRET.');
      client = msalAuthorityFor(options.authorityHost, tenantId).then(
        (authority) => new ConfidentialClientApplication({ auth: { clientId: options.clientId, clientSecret: secret, ...authority } }),
      );
      // A failed discovery is not cached, so the next call tries again.
      client.catch(() => clients.delete(tenantId));
      clients.set(tenantId, client);
    }
    return client;
  }

  function tokenOf(result: { accessToken: string } | null, what: string): string {
    if (!result?.accessToken) throw new GraphTokenError(`Entra ID returned no ${what} token for Microsoft Graph.`);
    return result.accessToken;
  }

  return {
    async appOnly(tenantId) {
      const client = await clientFor(tenantId);
      return tokenOf(await client.acquireTokenByClientCredential({ scopes }), 'app-only');
    },
    async onBehalfOf(tenantId, userAccessToken) {
      const client = await clientFor(tenantId);
      return tokenOf(await client.acquireTokenOnBehalfOf({ scopes, oboAssertion: userAccessToken }), 'on-behalf-of');
    },
  };
}
