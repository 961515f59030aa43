import { createHash } from 'node:crypto';
import { requestedAuthContexts, requestedClientCapabilities } from './interactionRequirements';
import type { SpaGrants, SpaSignIn } from './spaGrants';
import { clientInfo, oauthError, type TokenEndpointResult } from './tokenEndpoint';
import { accessTokenLifetimeSeconds, type TokenIssuer } from './tokenIssuer';

export interface SpaTokenConfig {
  clientId: string;
  tenantId: string;
  issuer: TokenIssuer;
  grants: SpaGrants;
}

/** RFC 7636: 43 to 128 characters of the unreserved set. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export const isSpaGrant = (grantType: string | null) => grantType === 'authorization_code' || grantType === 'refresh_token';

/** Tokens for a single-page app's sign-in: access token for Upward, id token, and a rotating refresh token. */
async function tokensFor(config: SpaTokenConfig, signIn: SpaSignIn, params: URLSearchParams, extra: { nonce?: string; refreshExpiresAt?: number }): Promise<TokenEndpointResult> {
  const lifetime = accessTokenLifetimeSeconds();
  const accessToken = await config.issuer.issueToken(signIn.personId, {
    lifetimeSeconds: lifetime,
    authContexts: signIn.authContexts,
    clientAuthentication: 'public',
    // MSAL.js sends the app's declared capabilities as `claims` with every token request.
    clientCapabilities: requestedClientCapabilities(params.get('claims')),
  });
  const idToken = await config.issuer.issueIdToken(signIn.personId, { nonce: extra.nonce });
  const refresh = config.grants.issueRefreshToken(signIn, extra.refreshExpiresAt);
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      scope: signIn.scopes.join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
      refresh_token: refresh.token,
      refresh_token_expires_in: refresh.expiresIn,
      id_token: idToken,
      ...(params.get('client_info') === '1' ? { client_info: clientInfo(signIn.personId, config.tenantId) } : {}),
    },
  };
}

function pkceRefusal(verifier: string | null, challenge: string): TokenEndpointResult | null {
  if (!verifier || !CODE_VERIFIER.test(verifier)) {
    return oauthError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
  }
  if (createHash('sha256').update(verifier).digest('base64url') !== challenge) {
    return oauthError(400, 'invalid_grant', 50148, 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.');
  }
  return null;
}

async function redeemCode(config: SpaTokenConfig, params: URLSearchParams): Promise<TokenEndpointResult> {
  const code = params.get('code');
  if (!code) return oauthError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'code'.");
  const redemption = config.grants.redeemCode(code);
  if (!redemption.ok) {
    if (redemption.reason === 'redeemed') return oauthError(400, 'invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
    if (redemption.reason === 'expired') return oauthError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
    return oauthError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  }
  const grant = redemption.grant;
  if (params.get('client_id') !== grant.clientId) return oauthError(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed: it was issued to another client.');
  if (params.get('redirect_uri') !== grant.redirectUri) {
    return oauthError(400, 'invalid_grant', 500112, `The reply address '${params.get('redirect_uri') ?? ''}' does not match the reply address '${grant.redirectUri}' provided when requesting Authorization code.`);
  }
  const pkce = pkceRefusal(params.get('code_verifier'), grant.codeChallenge);
  if (pkce) return pkce;
  return tokensFor(config, grant, params, { nonce: grant.nonce });
}

async function redeemRefreshToken(config: SpaTokenConfig, params: URLSearchParams): Promise<TokenEndpointResult> {
  const token = params.get('refresh_token');
  if (!token) return oauthError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'refresh_token'.");
  const redemption = config.grants.useRefreshToken(token);
  if (!redemption.ok) {
    if (redemption.reason === 'expired') {
      return oauthError(400, 'invalid_grant', 700084, 'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.');
    }
    return oauthError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  }
  if (params.get('client_id') !== redemption.grant.clientId) return oauthError(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed: it was issued to another client.');
  // A claims challenge the refresh token's sign-in did not meet needs the person again.
  const missing = requestedAuthContexts(params.get('claims')).filter((c) => !redemption.grant.authContexts.includes(c));
  if (missing.length > 0) {
    return oauthError(400, 'interaction_required', 50076, 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication.', { suberror: 'basic_action', claims: params.get('claims')! });
  }
  return tokensFor(config, redemption.grant, params, { refreshExpiresAt: redemption.expiresAt });
}

/**
 * The token endpoint's grants for Upward's single-page app (a public client: no secret). Entra ID
 * redeems SPA codes and refresh tokens only in cross-origin requests (the browser's `Origin`
 * header), and answers them with CORS headers for that origin (set by the router).
 */
export async function handleSpaTokenRequest(config: SpaTokenConfig, params: URLSearchParams, origin: string | undefined): Promise<TokenEndpointResult> {
  if (!params.get('client_id')) return oauthError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  if (params.get('client_id') !== config.clientId) {
    return oauthError(400, 'unauthorized_client', 700016, `Application with identifier '${params.get('client_id') ?? ''}' was not found in the directory.`);
  }
  if (!origin) return oauthError(400, 'invalid_request', 9002327, "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");
  return params.get('grant_type') === 'authorization_code' ? redeemCode(config, params) : redeemRefreshToken(config, params);
}
