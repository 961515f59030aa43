import { GRAPH_RESOURCE, UPWARD_GRAPH_DELEGATED_SCOPES } from '../demoOrg/tenant';
import type { AppRegistrations } from './appRegistration';
import { authenticateClient } from './clientAssertion';
import type { InteractionRequirements } from './interactionRequirements';
import { requestedClientCapabilities } from './interactionRequirements';
import { BOT_FRAMEWORK_RESOURCE } from './managedIdentity';
import { OIDC_SCOPES } from './spaRegistration';
import { accessTokenLifetimeSeconds, type TokenIssuer } from './tokenIssuer';

export interface TokenEndpointConfig {
  issuer: TokenIssuer;
  /** Upward's client id. */
  clientId: string;
  /** The tenant's app registrations that may ask for tokens, with their credentials (federated, certificates). */
  applications: AppRegistrations;
  /** Consent and MFA demanded of people; none when absent. */
  requirements?: InteractionRequirements;
}

export interface TokenEndpointResult {
  status: number;
  body: Record<string, unknown>;
}

/** Microsoft's resources an app of the tenant may ask app-only tokens for (besides the tenant's own registrations' APIs). */
const MICROSOFT_RESOURCES = [GRAPH_RESOURCE, BOT_FRAMEWORK_RESOURCE];
const OBO_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * Entra ID's error body: an OAuth error, the AADSTS code in `error_codes` and at the head of a
 * description that ends with the trace id, correlation id and timestamp, those again as fields,
 * the error page's address, and `suberror`, `claims` when it has them.
 */
export function oauthError(status: number, error: string, aadsts: number, description: string, extra: { suberror?: string; claims?: string } = {}): TokenEndpointResult {
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const traceId = crypto.randomUUID();
  const correlationId = crypto.randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${aadsts}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
      ...extra,
    },
  };
}

function clientCredentialsOf(params: URLSearchParams, authorization: string | undefined): { id?: string; secret?: string } {
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { id: params.get('client_id') ?? undefined, secret: params.get('client_secret') ?? undefined };
}

/** Splits `https://graph.microsoft.com/User.Read` into resource and permission; a bare name means Graph. */
function parseScope(scope: string): { resource: string; permission: string } {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return { resource: GRAPH_RESOURCE, permission: scope };
  return { resource: scope.slice(0, slash), permission: scope.slice(slash + 1) };
}

export function clientInfo(oid: string, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tenantId })).toString('base64url');
}

/**
 * The token endpoint: client credentials (app-only) and on-behalf-of (user token for Upward -> Graph
 * token), for the tenant's app registrations. `tokenEndpoints` are the endpoint's own addresses, the
 * audiences a certificate-signed client assertion may name.
 */
export async function handleTokenRequest(
  config: TokenEndpointConfig,
  tenantId: string,
  params: URLSearchParams,
  authorization: string | undefined,
  tokenEndpoints: readonly string[],
): Promise<TokenEndpointResult> {
  const client = clientCredentialsOf(params, authorization);
  if (!client.id) return oauthError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  const app = config.applications.find(client.id);
  if (!app) {
    return oauthError(400, 'unauthorized_client', 700016, `Application with identifier '${client.id}' was not found in the directory.`);
  }
  const refusal = await authenticateClient(params, client.secret, { app, tokenEndpoints });
  if (refusal) return oauthError(refusal.status, refusal.error, refusal.aadsts, refusal.description);

  const scopes = (params.get('scope') ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
  if (scopes.length === 0) return oauthError(400, 'invalid_scope', 70011, 'The provided request must include a \'scope\' input parameter.');
  const parsed = scopes.map(parseScope);
  const resource = parsed[0]!.resource;
  if (parsed.some((p) => p.resource !== resource)) {
    return oauthError(400, 'invalid_scope', 28000, 'Provided value for the input parameter scope is not valid because it contains more than one resource.');
  }
  const grantType = params.get('grant_type');

  if (grantType === 'client_credentials') {
    if (scopes.length !== 1 || parsed[0]!.permission !== '.default') {
      return oauthError(400, 'invalid_scope', 1002012, `The provided value for scope ${scopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    const owner = config.applications.list().find((a) => a.apiAudiences.includes(resource));
    if (!owner && !MICROSOFT_RESOURCES.includes(resource)) {
      return oauthError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`);
    }
    const audience = owner ? owner.clientId : resource;
    const roles = resource === GRAPH_RESOURCE ? app.graphAppRoles : [];
    const lifetime = accessTokenLifetimeSeconds();
    const token = await config.issuer.issueAppToken({ audience, roles, lifetimeSeconds: lifetime, app: { clientId: app.clientId, servicePrincipalId: app.servicePrincipalId } });
    return { status: 200, body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token } };
  }

  if (grantType === OBO_GRANT) {
    if (params.get('requested_token_use') !== 'on_behalf_of') {
      return oauthError(400, 'invalid_request', 50027, "Only 'requested_token_use=on_behalf_of' is supported for the jwt-bearer grant here.");
    }
    const assertion = params.get('assertion');
    if (!assertion) return oauthError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'assertion'.");
    let oid: string;
    let acrs: unknown;
    try {
      // Only a token for the calling app's own API may be exchanged (Upward's: its client id or Application ID URI).
      const claims = await config.issuer.verify(assertion, app.apiAudiences);
      if (typeof claims.oid !== 'string' || claims.idtyp === 'app') throw new Error('not a user token');
      oid = claims.oid;
      acrs = claims.acrs;
    } catch (error) {
      return oauthError(400, 'invalid_grant', 50013, `Assertion failed signature validation or has expired. (${(error as Error).message})`);
    }
    if (resource !== GRAPH_RESOURCE) {
      return oauthError(400, 'invalid_scope', 500011, `The resource principal named ${resource} was not found in the tenant.`);
    }
    const wanted = parsed.some((p) => p.permission === '.default') ? UPWARD_GRAPH_DELEGATED_SCOPES : parsed.map((p) => p.permission);
    const missing = wanted.filter((s) => !UPWARD_GRAPH_DELEGATED_SCOPES.includes(s));
    if (missing.length > 0) {
      return oauthError(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource. Missing: ${missing.join(' ')}`);
    }
    const interaction = config.requirements?.oboRefusal(oid, acrs);
    if (interaction) return oauthError(interaction.status, interaction.error, interaction.aadsts, interaction.description, { suberror: interaction.suberror, claims: interaction.claims });
    const lifetime = accessTokenLifetimeSeconds();
    const token = await config.issuer.issueToken(oid, {
      audience: GRAPH_RESOURCE,
      scopes: wanted,
      lifetimeSeconds: lifetime,
      clientAuthentication: 'assertion',
      clientCapabilities: requestedClientCapabilities(params.get('claims')),
    });
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: wanted.map((s) => `${GRAPH_RESOURCE}/${s}`).join(' '),
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: token,
        ...(params.get('client_info') === '1' ? { client_info: clientInfo(oid, tenantId) } : {}),
      },
    };
  }

  return oauthError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType ?? ''}'.`);
}
