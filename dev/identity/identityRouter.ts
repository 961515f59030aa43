import express from 'express';
import type { Request, Response } from 'express';
import type { IdentityDirectory } from './directory';
import type { InteractionRequirements } from './interactionRequirements';
import { isAllowedRedirectUri, renderSignInPage } from './signInPage';
import type { SigningKeys } from './signingKeys';
import { handleTokenRequest } from './tokenEndpoint';
import type { TokenIssuer } from './tokenIssuer';

export interface IdentityRouterConfig {
  baseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  keys: SigningKeys;
  issuer: TokenIssuer;
  directory: IdentityDirectory;
  requirements: InteractionRequirements;
}

const SEARCH_LIMIT = 50;
const TOKEN_LIFETIME_SECONDS = 3600;

/** The OpenID configuration Entra ID publishes, with this issuer's URLs. */
function discoveryDocument(config: IdentityRouterConfig) {
  const tenantBase = `${config.baseUrl}/${config.tenantId}`;
  return {
    issuer: config.issuer.issuer,
    authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
    token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
    jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
    end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    grant_types_supported: ['client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer', 'implicit'],
    response_modes_supported: ['fragment'],
    response_types_supported: ['token'],
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

function authorize(config: IdentityRouterConfig) {
  return async (req: Request, res: Response) => {
    const query = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1));
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== config.clientId) {
      res.status(400).type('text/plain').send(`AADSTS700016: Application with identifier '${query.get('client_id') ?? ''}' was not found in the directory.`);
      return;
    }
    if (!isAllowedRedirectUri(redirectUri)) {
      res.status(400).type('text/plain').send('AADSTS50011: The redirect URI must be an http(s) URL on 127.0.0.1 or localhost, without a fragment.');
      return;
    }
    const hint = query.get('login_hint');
    const person = hint ? config.directory.findPerson(hint) : undefined;
    if (!person) {
      const search = query.get('q') ?? '';
      res.type('html').send(
        renderSignInPage({
          query,
          search,
          featured: config.directory.featuredPeople(),
          results: search ? config.directory.searchPeople(search, SEARCH_LIMIT) : [],
        }),
      );
      return;
    }
    const token = await config.issuer.issueToken(person.id, { lifetimeSeconds: TOKEN_LIFETIME_SECONDS });
    const fragment = new URLSearchParams({ access_token: token, token_type: 'Bearer', expires_in: String(TOKEN_LIFETIME_SECONDS) });
    const scope = query.get('scope');
    if (scope) fragment.set('scope', scope);
    const state = query.get('state');
    if (state) fragment.set('state', state);
    res.redirect(302, `${redirectUri}#${fragment.toString()}`);
  };
}

/**
 * An OpenID Connect issuer shaped like Entra ID v2 for one tenant, to be mounted at `/{tenantId}`:
 * `/v2.0/.well-known/openid-configuration`, `/discovery/v2.0/keys`, `/oauth2/v2.0/token` and
 * `/oauth2/v2.0/authorize` (the "sign in as" page).
 */
export function createIdentityRouter(config: IdentityRouterConfig): express.Router {
  const router = express.Router();
  router.get('/v2.0/.well-known/openid-configuration', (_req, res) => {
    res.json(discoveryDocument(config));
  });
  router.get('/discovery/v2.0/keys', (_req, res) => {
    res.json(config.keys.jwks);
  });
  router.post('/oauth2/v2.0/token', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    const params = new URLSearchParams(Object.entries((req.body ?? {}) as Record<string, string>));
    const result = await handleTokenRequest(config, config.tenantId, params, req.get('authorization'));
    res.status(result.status).set('Cache-Control', 'no-store').json(result.body);
  });
  router.get('/oauth2/v2.0/authorize', authorize(config));
  return router;
}

/** `/signin` is a short, memorable address for the sign-in page; the client id defaults to Upward's. */
export function signInRedirect(config: Pick<IdentityRouterConfig, 'tenantId' | 'clientId'>) {
  return (req: Request, res: Response) => {
    const query = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
    if (!query.has('client_id')) query.set('client_id', config.clientId);
    res.redirect(302, `/${config.tenantId}/oauth2/v2.0/authorize?${query.toString()}`);
  };
}
