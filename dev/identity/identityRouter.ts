import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { AppRegistrations } from './appRegistration';
import type { IdentityDirectory } from './directory';
import type { InteractionRequirements } from './interactionRequirements';
import { authorizeEndpoint } from './authorizeEndpoint';
import type { SigningKeys } from './signingKeys';
import type { SpaGrants } from './spaGrants';
import { handleSpaTokenRequest, isSpaGrant } from './spaTokenGrants';
import { handleTokenRequest } from './tokenEndpoint';
import type { TokenIssuer } from './tokenIssuer';

export interface IdentityRouterConfig {
  baseUrl: string;
  tenantId: string;
  /** Upward's client id. */
  clientId: string;
  /** The tenant's app registrations (Upward's, and the bot's own for hosts without a managed identity) and their credentials. */
  applications: AppRegistrations;
  keys: SigningKeys;
  issuer: TokenIssuer;
  directory: IdentityDirectory;
  requirements: InteractionRequirements;
  /** Codes and refresh tokens issued to single-page apps. */
  grants: SpaGrants;
  /** The app registration's single-page-application redirect URIs. */
  spaRedirectUris: readonly string[];
}

/** The OpenID configuration Entra ID publishes, with this issuer's URLs. */
function discoveryDocument(config: IdentityRouterConfig) {
  const tenantBase = `${config.baseUrl}/${config.tenantId}`;
  return {
    issuer: config.issuer.issuer,
    authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
    token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
    jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
    end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
    // Upward's registration has no secret: the app proves itself with a federated or certificate-signed assertion; the tab is a public (SPA) client.
    token_endpoint_auth_methods_supported: ['private_key_jwt', 'none'],
    // No implicit flow: Upward's registration disables it, so only the code flow (with PKCE) is offered.
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
    response_modes_supported: ['query', 'fragment'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid', 'name', 'preferred_username', 'scp', 'roles', 'ver'],
    request_uri_parameter_supported: false,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  };
}

/**
 * An OpenID Connect issuer shaped like Entra ID v2 for one tenant, to be mounted at `/{tenantId}`:
 * `/v2.0/.well-known/openid-configuration`, `/discovery/v2.0/keys`, `/oauth2/v2.0/token` and
 * `/oauth2/v2.0/authorize` (the "sign in as" page).
 */
export function createIdentityRouter(config: IdentityRouterConfig): express.Router {
  const router = express.Router();
  // Entra ID lets any origin read its discovery document and keys (MSAL.js fetches them from the page).
  router.get('/v2.0/.well-known/openid-configuration', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*').json(discoveryDocument(config));
  });
  router.get('/discovery/v2.0/keys', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*').json(config.keys.jwks);
  });
  router.options('/oauth2/v2.0/token', tokenEndpointCors, (_req, res) => {
    res.status(204).end();
  });
  router.post('/oauth2/v2.0/token', tokenEndpointCors, express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    const params = new URLSearchParams(Object.entries((req.body ?? {}) as Record<string, string>));
    const isPublicClient = !params.has('client_secret') && !params.has('client_assertion') && !req.get('authorization');
    const result =
      isSpaGrant(params.get('grant_type')) && isPublicClient
        ? await handleSpaTokenRequest(config, params, req.get('origin'))
        : await handleTokenRequest(config, config.tenantId, params, req.get('authorization'), tokenEndpointsOf(config, req));
    res.status(result.status).set('Cache-Control', 'no-store').json(result.body);
  });
  const authorize = authorizeEndpoint(config);
  router.get('/oauth2/v2.0/authorize', authorize);
  // The consent page posts its decision back to the authorize request.
  router.post('/oauth2/v2.0/authorize', express.urlencoded({ extended: false, limit: '16kb' }), authorize);
  return router;
}

/**
 * The token endpoint's addresses, v2 and v1 (Entra ID accepts either as a client assertion's
 * audience): as the stand-in serves it and, behind a front that forwards another host (a test
 * that answers for login.microsoftonline.com, as a TLS-terminating proxy would), as the client called it.
 */
function tokenEndpointsOf(config: IdentityRouterConfig, req: Request): string[] {
  const host = req.get('x-forwarded-host');
  const origins = [config.baseUrl, ...(host ? [`${req.get('x-forwarded-proto') ?? 'https'}://${host}`] : [])];
  return origins.flatMap((origin) => [`${origin}/${config.tenantId}/oauth2/v2.0/token`, `${origin}/${config.tenantId}/oauth2/token`]);
}

/** Entra ID answers a browser's token request with CORS headers for the calling origin, so a single-page app can redeem its code. */
function tokenEndpointCors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.get('origin');
  if (origin) {
    res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'POST, OPTIONS', 'Access-Control-Max-Age': '86400', Vary: 'Origin' });
    const requested = req.get('access-control-request-headers');
    if (requested) res.set('Access-Control-Allow-Headers', requested);
  }
  next();
}

/** `/signin` is a short, memorable address for the sign-in page; the client id defaults to Upward's. */
export function signInRedirect(config: Pick<IdentityRouterConfig, 'tenantId' | 'clientId'>) {
  return (req: Request, res: Response) => {
    const query = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
    if (!query.has('client_id')) query.set('client_id', config.clientId);
    res.redirect(302, `/${config.tenantId}/oauth2/v2.0/authorize?${query.toString()}`);
  };
}
