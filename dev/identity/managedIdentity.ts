import { randomBytes, randomUUID } from 'node:crypto';
import express from 'express';
import type { Request, Response } from 'express';
import { SignJWT, createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { SigningKeys } from './signingKeys';

/** The audience of the token a managed identity presents as a federated credential (Entra ID's token exchange). */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
/** The resource the bot asks for to post to the Bot Connector. */
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';
/** The only API version of App Service's identity endpoint that msal-node uses. */
const APP_SERVICE_API_VERSION = '2019-08-01';
const LIFETIME_SECONDS = 3600;

export interface ManagedIdentityConfig {
  /** Origin of the stand-in, for example `http://127.0.0.1:5100`. */
  baseUrl: string;
  tenantId: string;
  keys: SigningKeys;
  /** Where the endpoint is mounted, for IDENTITY_ENDPOINT. */
  path: string;
}

/** A user-assigned managed identity and App Service's local token endpoint for it. */
export interface ManagedIdentity {
  /** The identity's client id: the bot's app id, and the `client_id` msal-node sends. */
  clientId: string;
  /** Its service principal (object) id: the `sub` and `oid` of its tokens. */
  principalId: string;
  /** Its Azure resource id, which App Service also accepts as `mi_res_id`. */
  resourceId: string;
  /** What App Service puts in the process environment: IDENTITY_ENDPOINT and IDENTITY_HEADER. */
  environment: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  router: express.Router;
  /**
   * Checks a client assertion as Entra ID checks a federated identity credential whose subject is
   * this identity: signature, issuer, subject and audience `api://AzureADTokenExchange`. Throws otherwise.
   */
  verifyFederatedAssertion(assertion: string): Promise<JWTPayload>;
  /** The issuer of the identity's tokens (the tenant's v2.0 issuer). */
  issuer: string;
}

/**
 * A managed identity as App Service exposes it to the code it runs: a GET on IDENTITY_ENDPOINT with
 * the IDENTITY_HEADER value in `X-IDENTITY-HEADER`, `api-version=2019-08-01`, the `resource`, and
 * the identity by `client_id` or `mi_res_id`. Ids are fresh each start, as a redeployed identity's would be.
 */
export function createManagedIdentity(config: ManagedIdentityConfig): ManagedIdentity {
  const clientId = randomUUID();
  const principalId = randomUUID();
  const resourceId = `/subscriptions/${randomUUID()}/resourceGroups/rg-upward-local/providers/Microsoft.ManagedIdentity/userAssignedIdentities/upward-local-identity`;
  const header = randomBytes(24).toString('base64url');
  const issuer = `${config.baseUrl}/${config.tenantId}/v2.0`;
  const jwks = createLocalJWKSet(config.keys.jwks);

  const refuse = (res: Response, status: number, message: string) => res.status(status).json({ statusCode: status, message, correlationId: randomUUID() });

  const router = express.Router();
  router.get('/', async (req: Request, res: Response) => {
    if (req.get('x-identity-header') !== header) return refuse(res, 401, 'The X-IDENTITY-HEADER header is missing or wrong.');
    const query = req.query as Record<string, unknown>;
    if (query['api-version'] !== APP_SERVICE_API_VERSION) return refuse(res, 400, `api-version must be ${APP_SERVICE_API_VERSION}.`);
    const resource = typeof query.resource === 'string' ? query.resource.replace(/\/\.default$/, '') : '';
    if (!resource) return refuse(res, 400, 'The resource parameter is required.');
    const identity = query.client_id ?? query.mi_res_id ?? query.principal_id ?? query.object_id;
    // Only a user-assigned identity is attached to this app; asking for none means the system-assigned one.
    if (identity === undefined) return refuse(res, 400, 'No system-assigned managed identity is enabled for this app.');
    if (identity !== clientId && identity !== resourceId && identity !== principalId) return refuse(res, 400, 'No managed identity with this id is assigned to this app.');
    if (resource !== TOKEN_EXCHANGE_AUDIENCE && resource !== BOT_FRAMEWORK_RESOURCE) return refuse(res, 400, `The stand-in issues managed identity tokens for ${TOKEN_EXCHANGE_AUDIENCE} and ${BOT_FRAMEWORK_RESOURCE} only, not ${resource}.`);
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: issuer, aud: resource, sub: principalId, oid: principalId, tid: config.tenantId, appid: clientId, azp: clientId, idtyp: 'app', xms_mirid: resourceId, uti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: config.keys.kid })
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(config.keys.privateKey);
    res.set('Cache-Control', 'no-store').json({ access_token: token, expires_on: String(now + LIFETIME_SECONDS), resource, token_type: 'Bearer', client_id: clientId });
  });

  return {
    clientId,
    principalId,
    resourceId,
    issuer,
    environment: { IDENTITY_ENDPOINT: `${config.baseUrl}${config.path}`, IDENTITY_HEADER: header },
    router,
    async verifyFederatedAssertion(assertion) {
      const { payload } = await jwtVerify(assertion, jwks, { issuer, audience: TOKEN_EXCHANGE_AUDIENCE, subject: principalId, algorithms: ['RS256'] });
      return payload;
    },
  };
}

/** A token from App Service's identity endpoint, asked for as msal-node asks (for tests that present it themselves). */
export async function managedIdentityToken(environment: ManagedIdentity['environment'], clientId: string, resource: string): Promise<string> {
  const query = new URLSearchParams({ 'api-version': APP_SERVICE_API_VERSION, resource, client_id: clientId });
  const response = await fetch(`${environment.IDENTITY_ENDPOINT}?${query}`, { headers: { 'X-IDENTITY-HEADER': environment.IDENTITY_HEADER } });
  if (!response.ok) throw new Error(`The identity endpoint answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
