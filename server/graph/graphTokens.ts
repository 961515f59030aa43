import { ConfidentialClientApplication, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { msalClientCredential, type AppCredential } from '../appCredential';
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
  /** What the app registration signs in with: its managed identity (federated credential) or a certificate. */
  credential: AppCredential;
  /** Graph's resource identifier, the prefix of the `.default` scope. */
  graphResource?: string;
}

export class GraphTokenError extends Error {}

/**
 * The on-behalf-of exchange needs the signed-in person: consent (AADSTS65001), MFA or another
 * Conditional Access requirement (50076, 50079), with the claims challenge to pass to their sign-in.
 */
export class InteractionRequiredError extends Error {
  constructor(
    readonly claims: string | undefined,
    cause: unknown,
  ) {
    super('Microsoft Entra ID needs the signed-in person to interact (consent or a claims challenge) before Upward may act for them.', { cause });
  }
}

/** Entra ID's errors that only the person can resolve; MSAL classifies most by `suberror`, and these codes cover an answer without one. */
const interactionErrorNumbers = new Set(['65001', '50076', '50079']);
const interactionErrorCodes = new Set(['interaction_required', 'consent_required']);

function asInteractionRequired(error: unknown): InteractionRequiredError | null {
  if (error instanceof InteractionRequiredAuthError) return new InteractionRequiredError(error.claims || undefined, error);
  if (error instanceof ServerError && (interactionErrorNumbers.has(error.errorNo ?? '') || interactionErrorCodes.has(error.errorCode))) {
    return new InteractionRequiredError(undefined, error);
  }
  return null;
}

/**
 * Gets Graph tokens through MSAL, which caches them and refreshes them before they expire. One
 * confidential client per tenant, since the authority (and its metadata) is per tenant. The app
 * proves itself with its managed identity's token as a client assertion or, where there is no
 * managed identity, with a certificate (server/appCredential.ts): no secret to expire.
 */
export function createGraphTokens(options: GraphTokensOptions): GraphTokens {
  const scopes = [`${options.graphResource ?? 'https://graph.microsoft.com'}/.default`];
  const clients = new Map<string, Promise<ConfidentialClientApplication>>();
  const credential = msalClientCredential(options.credential);

  function clientFor(tenantId: string): Promise<ConfidentialClientApplication> {
    let client = clients.get(tenantId);
    if (!client) {
      client = msalAuthorityFor(options.authorityHost, tenantId).then((authority) => new ConfidentialClientApplication({ auth: { clientId: options.clientId, ...credential, ...authority } }));
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
      try {
        return tokenOf(await client.acquireTokenOnBehalfOf({ scopes, oboAssertion: userAccessToken }), 'on-behalf-of');
      } catch (error) {
        throw asInteractionRequired(error) ?? error;
      }
    },
  };
}
