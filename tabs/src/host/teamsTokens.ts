import { authentication } from '@microsoft/teams-js';
import type { TokenRequest } from './host';
import type { PublishedAuthConfig } from './publishedAuthConfig';

export type TokenSource = (request?: TokenRequest) => Promise<string>;

/**
 * Nested app authentication: MSAL asks Teams (the host) for Upward's token over the NAA bridge.
 * A silent request that needs the person (consent, MFA) becomes a host-mediated popup. MSAL loads
 * only here, so a Teams client that does not recommend NAA (Teams SSO) never fetches it.
 */
export async function nestedAppAuthTokens(config: PublishedAuthConfig): Promise<TokenSource> {
  const { InteractionRequiredAuthError, createNestablePublicClientApplication } = await import('@azure/msal-browser');
  const pca = await createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
  const scopes = [config.scope];
  const popup = async (claims?: string) => (await pca.acquireTokenPopup({ scopes, ...(claims ? { claims } : {}) })).accessToken;
  return async (request) => {
    if (request?.interactive) return popup(request.claims);
    try {
      return (await pca.acquireTokenSilent({ scopes })).accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) return popup();
      throw error;
    }
  };
}

/** Reasons Teams gives when getAuthToken would have to ask the person. */
const NEEDS_PERSON = /resourceRequiresConsent|resourceRequiresMfa|interaction_required|consent_required/i;

/** Teams SSO (`authentication.getAuthToken`): the fallback where the host does not recommend NAA. */
export function teamsSsoTokens(): TokenSource {
  const interactive = (claims?: string) => authentication.getAuthToken({ silent: false, ...(claims ? { claims: [claims] } : {}) });
  return async (request) => {
    if (request?.interactive) return interactive(request.claims);
    try {
      return await authentication.getAuthToken();
    } catch (error) {
      if (error instanceof Error && NEEDS_PERSON.test(error.message)) return interactive();
      throw error;
    }
  };
}
