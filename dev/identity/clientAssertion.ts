import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { AppRegistration } from './appRegistration';

/** How a confidential client proves itself with a signed token instead of a secret (RFC 7523). */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Entra ID's tolerance for clocks that disagree, on an assertion's `exp` and `nbf`. */
const CLOCK_SKEW_SECONDS = 300;

export interface ClientRefusal {
  status: number;
  error: string;
  aadsts: number;
  description: string;
}

export interface ClientAuthentication {
  app: AppRegistration;
  /** The token endpoint's addresses, as the client called it and as the stand-in serves it: what a certificate assertion's `aud` may be. */
  tokenEndpoints: readonly string[];
  /** Seconds since the epoch; injectable for tests. */
  now?: number;
}

const invalidClient = (aadsts: number, description: string): ClientRefusal => ({ status: 401, error: 'invalid_client', aadsts, description });
const malformed = (detail: string): ClientRefusal => ({ status: 400, error: 'invalid_request', aadsts: 50027, description: `JWT token is invalid or malformed. (${detail})` });

/**
 * Authenticates an app registration at the token endpoint as Entra ID does when the registration
 * has no client secret: a client assertion is either a token from an issuer one of its federated
 * identity credentials trusts (Upward's managed identity), or one the app signed itself (`iss` =
 * `sub` = its client id) with a certificate uploaded to it. A client secret is refused.
 */
export async function authenticateClient(params: URLSearchParams, secret: string | undefined, client: ClientAuthentication): Promise<ClientRefusal | null> {
  if (secret !== undefined) return invalidClient(7000215, 'Invalid client secret provided. The application has no client secrets: present a client assertion (its federated identity credential or a certificate).');
  const assertion = params.get('client_assertion');
  if (!assertion) return invalidClient(7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  if (params.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
    return { status: 400, error: 'invalid_request', aadsts: 50027, description: `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}.` };
  }
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch (error) {
    return malformed((error as Error).message);
  }
  const selfSigned = claims.iss === client.app.clientId || (typeof claims.iss === 'string' && claims.iss === claims.sub);
  if (selfSigned) return verifyCertificateAssertion(assertion, header, claims, client);
  if (!client.app.verifyFederatedAssertion) return invalidClient(700213, `No matching federated identity record found for presented assertion issuer '${String(claims.iss)}'.`);
  try {
    await client.app.verifyFederatedAssertion(assertion);
    return null;
  } catch (error) {
    return invalidClient(700213, `No matching federated identity record found for presented assertion. (${(error as Error).message})`);
  }
}

/**
 * A client assertion signed with one of the app's certificates (RS256 or PS256), found by the
 * thumbprint in its header. Entra ID's refusals: AADSTS700021 (`iss`/`sub` another app),
 * AADSTS700027 (no such certificate registered, the certificate's key credential expired, or a
 * signature that does not verify), AADSTS700023 (an audience other than the token endpoint),
 * AADSTS700024 (outside its `nbf`..`exp`).
 *
 * `jti` must be present but is not held to single use: Entra ID accepts the same assertion again
 * while it is valid, and MSAL relies on that, reusing one assertion for its ten-minute life.
 */
async function verifyCertificateAssertion(assertion: string, header: ProtectedHeaderParameters, claims: JWTPayload, client: ClientAuthentication): Promise<ClientRefusal | null> {
  const { app } = client;
  const now = client.now ?? Math.floor(Date.now() / 1000);
  if (claims.iss !== app.clientId || claims.sub !== app.clientId) {
    return invalidClient(700021, "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials.");
  }
  const named = header['x5t#S256'] ?? header.x5t;
  const used = typeof named === 'string' ? Buffer.from(named, 'base64url').toString('hex').toUpperCase() : '(none)';
  const certificate = app.certificates.find(header);
  if (!certificate) {
    return invalidClient(700027, `Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${used}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.]`);
  }
  const found = `Found key 'Start=${certificate.startDateTime.toISOString()}, End=${certificate.endDateTime.toISOString()}'`;
  if (now * 1000 > certificate.endDateTime.getTime() || now * 1000 < certificate.startDateTime.getTime()) {
    return invalidClient(700027, `Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: '${used}', ${found}]`);
  }
  try {
    await compactVerify(assertion, certificate.publicKey, { algorithms: ['RS256', 'PS256'] });
  } catch {
    return invalidClient(700027, `Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '${used}', ${found}]`);
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((aud) => typeof aud === 'string' && client.tokenEndpoints.includes(aud))) {
    return invalidClient(700023, `Client assertion audience claim does not match Realm issuer. (aud '${String(claims.aud)}'; expected the token endpoint, ${client.tokenEndpoints[0]})`);
  }
  if (typeof claims.exp !== 'number') return malformed("the assertion has no 'exp'");
  if (now > claims.exp + CLOCK_SKEW_SECONDS || (typeof claims.nbf === 'number' && now + CLOCK_SKEW_SECONDS < claims.nbf)) {
    const at = (seconds: number | undefined) => (seconds === undefined ? '(none)' : new Date(seconds * 1000).toISOString());
    return invalidClient(700024, `Client assertion is not within its valid time range. Current time: ${at(now)}, assertion valid from ${at(claims.nbf)}, expiry time of assertion ${at(claims.exp)}.`);
  }
  if (typeof claims.jti !== 'string' || !claims.jti) return malformed("the assertion has no 'jti'");
  return null;
}
