import { randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { APP_SERVICE_API_VERSION, type AttachableIdentity, type IdentityAnswer, type IdentityEnvironment } from './appServiceIdentityEndpoint';
import { AZURE_POSTGRES_RESOURCE, TOKEN_EXCHANGE_RESOURCE as TOKEN_EXCHANGE_AUDIENCE } from '../../server/managedIdentityTokens';
import type { SigningKeys } from './signingKeys';

/** The audience of the token a managed identity presents as a federated credential (Entra ID's token exchange), as Upward names it. */
export { TOKEN_EXCHANGE_AUDIENCE };
/** The resource the bot asks for to post to the Bot Connector. */
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';
const RESOURCES = [TOKEN_EXCHANGE_AUDIENCE, BOT_FRAMEWORK_RESOURCE, AZURE_POSTGRES_RESOURCE];
const LIFETIME_SECONDS = 3600;

export interface ManagedIdentityConfig {
  /** Origin of the stand-in, for example `http://127.0.0.1:5100`. */
  baseUrl: string;
  tenantId: string;
  keys: SigningKeys;
}

/** A user-assigned managed identity of the tenant, as the identity endpoint and Entra ID know it. */
export interface ManagedIdentity extends AttachableIdentity {
  /** The identity's client id: the bot's app id, and the `client_id` msal-node sends. */
  clientId: string;
  /** Its service principal (object) id: the `sub` and `oid` of its tokens. */
  principalId: string;
  /** Its Azure resource id, which App Service also accepts as `mi_res_id`. */
  resourceId: string;
  /**
   * Checks a client assertion as Entra ID checks a federated identity credential whose subject is
   * this identity: signature, issuer, subject and audience `api://AzureADTokenExchange`. Throws otherwise.
   */
  verifyFederatedAssertion(assertion: string): Promise<JWTPayload>;
  /** Checks a token of this identity for a resource as the resource does (Azure Postgres, say). Throws otherwise. */
  verifyTokenFor(token: string, resource: string): Promise<JWTPayload>;
  /** The issuer of the identity's tokens (the tenant's v2.0 issuer). */
  issuer: string;
}

/**
 * A user-assigned managed identity of the stand-in's tenant. Attached to the App Service identity
 * endpoint (appServiceIdentityEndpoint), it answers for the resources Upward asks for. Ids are
 * fresh each start, as a redeployed identity's would be.
 */
export function createManagedIdentity(config: ManagedIdentityConfig): ManagedIdentity {
  const clientId = randomUUID();
  const principalId = randomUUID();
  const resourceId = `/subscriptions/${randomUUID()}/resourceGroups/rg-upward-local/providers/Microsoft.ManagedIdentity/userAssignedIdentities/upward-local-identity`;
  const issuer = `${config.baseUrl}/${config.tenantId}/v2.0`;
  const jwks = createLocalJWKSet(config.keys.jwks);

  async function verifyTokenFor(token: string, resource: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, jwks, { issuer, audience: resource, subject: principalId, algorithms: ['RS256'] });
    return payload;
  }

  async function tokenFor(resource: string): Promise<IdentityAnswer> {
    if (!RESOURCES.includes(resource)) {
      return { status: 400, message: `The stand-in issues managed identity tokens for ${RESOURCES.join(', ')} only, not ${resource}.` };
    }
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: issuer, aud: resource, sub: principalId, oid: principalId, tid: config.tenantId, appid: clientId, azp: clientId, idtyp: 'app', xms_mirid: resourceId, uti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: config.keys.kid })
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(config.keys.privateKey);
    return { status: 200, body: { access_token: token, expires_on: String(now + LIFETIME_SECONDS), resource, token_type: 'Bearer', client_id: clientId } };
  }

  return {
    clientId,
    principalId,
    resourceId,
    issuer,
    tokenFor,
    verifyFederatedAssertion: (assertion) => verifyTokenFor(assertion, TOKEN_EXCHANGE_AUDIENCE),
    verifyTokenFor,
  };
}

/** A token from App Service's identity endpoint, asked for as msal-node asks (for tests that present it themselves). */
export async function managedIdentityToken(environment: IdentityEnvironment, clientId: string, resource: string): Promise<string> {
  const query = new URLSearchParams({ 'api-version': APP_SERVICE_API_VERSION, resource, client_id: clientId });
  const response = await fetch(`${environment.IDENTITY_ENDPOINT}?${query}`, { headers: { 'X-IDENTITY-HEADER': environment.IDENTITY_HEADER } });
  if (!response.ok) throw new Error(`The identity endpoint answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
