import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { GRAPH_RESOURCE, UPWARD_GRAPH_APP_ROLES } from '../demoOrg/tenant';
import type { IdentityDirectory, IdentityPerson } from './directory';
import { CLIENT_ASSERTION_TYPE } from './clientAssertion';
import { appServiceIdentityEndpoint, type IdentityEnvironment } from './appServiceIdentityEndpoint';
import { appRegistrations, createUpwardRegistration } from './appRegistration';
import { createIdentityRouter, signInRedirect } from './identityRouter';
import { createInteractionRequirements, MFA_CLAIMS_CHALLENGE } from './interactionRequirements';
import { createSpaGrants } from './spaGrants';
import { createManagedIdentity, managedIdentityToken, TOKEN_EXCHANGE_AUDIENCE, type ManagedIdentity } from './managedIdentity';
import { createSigningKeys } from './signingKeys';
import { createTokenIssuer } from './tokenIssuer';
import type { TokenIssuer } from './tokenIssuer';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '99999999-8888-4777-8666-555555555555';
const REDIRECT_REGISTERED = 'http://127.0.0.1/tab/auth-redirect.html';
/** The tab's redirect page on whatever port the service got: Entra ID ignores the port of loopback redirect URIs. */
const REDIRECT = 'http://127.0.0.1:4173/tab/auth-redirect.html';
const ORIGIN = 'http://127.0.0.1:4173';

const people: IdentityPerson[] = [
  { id: 'aaaaaaaa-0000-4000-8000-000000000001', displayName: 'Amara Nwosu', userPrincipalName: 'amara@example.test', roles: ['Upward.Admin'] },
  { id: 'aaaaaaaa-0000-4000-8000-000000000002', displayName: '<script>alert(1)</script> Kai', userPrincipalName: 'kai@example.test', roles: [] },
];
const directory: IdentityDirectory = {
  findPerson: (idOrUpn) => people.find((p) => p.id === idOrUpn || p.userPrincipalName === idOrUpn),
  featuredPeople: () => people,
  searchPeople: (q) => people.filter((p) => p.displayName.toLowerCase().includes(q.toLowerCase())),
};

let server: Server;
let base: string;
let issuer: TokenIssuer;
const requirements = createInteractionRequirements();
let identity: ManagedIdentity;
let identityEnvironment: IdentityEnvironment;
/** The app's credential: its managed identity's token for the token exchange, as a client assertion. */
const credential = async () => ({ client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await managedIdentityToken(identityEnvironment, identity.clientId, TOKEN_EXCHANGE_AUDIENCE) });

beforeAll(async () => {
  const app = express();
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keys = await createSigningKeys();
  issuer = createTokenIssuer({ baseUrl: base, tenantId: TENANT, clientId: CLIENT, keys, directory });
  identity = createManagedIdentity({ baseUrl: base, tenantId: TENANT, keys });
  const endpoint = await appServiceIdentityEndpoint();
  endpoint.attach(identity);
  identityEnvironment = endpoint.environment;
  const config = { baseUrl: base, tenantId: TENANT, clientId: CLIENT, applications: appRegistrations([createUpwardRegistration(CLIENT, identity.verifyFederatedAssertion)]), keys, issuer, directory, requirements, grants: createSpaGrants(), spaRedirectUris: [REDIRECT_REGISTERED] };
  app.use(`/${TENANT}`, createIdentityRouter(config));
  app.get('/signin', signInRedirect(config));
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function discovery() {
  const res = await fetch(`${base}/${TENANT}/v2.0/.well-known/openid-configuration`);
  return (await res.json()) as { issuer: string; jwks_uri: string; token_endpoint: string; authorization_endpoint: string };
}

const VERIFIER = 'v'.repeat(20) + '-verifier_of.pkce~' + 'x'.repeat(20);
const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** What MSAL browser sends to the authorize endpoint for the tab. */
function authorizeQuery(overrides: Record<string, string> = {}): URLSearchParams {
  const query = new URLSearchParams({
    client_id: CLIENT,
    redirect_uri: REDIRECT,
    response_type: 'code',
    response_mode: 'fragment',
    scope: `${CLIENT}/access_as_user openid profile offline_access`,
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: challengeOf(VERIFIER),
    code_challenge_method: 'S256',
    client_info: '1',
    login_hint: people[0]!.id,
    ...overrides,
  });
  for (const [name, value] of [...query.entries()]) if (value === '') query.delete(name);
  return query;
}

async function authorize(overrides: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/${TENANT}/oauth2/v2.0/authorize?${authorizeQuery(overrides)}`, { redirect: 'manual' });
}

/** The fields of the answer the authorize endpoint sent back to the redirect URI (fragment or query). */
function answerOf(res: Response): URLSearchParams {
  const location = new URL(res.headers.get('location')!);
  expect(location.origin + location.pathname).toBe(REDIRECT);
  return new URLSearchParams(location.hash ? location.hash.slice(1) : location.search);
}

async function codeFor(overrides: Record<string, string> = {}): Promise<string> {
  const res = await authorize(overrides);
  expect(res.status).toBe(302);
  return answerOf(res).get('code')!;
}

/** A browser's cross-origin token request, as MSAL browser makes it. */
function spaTokenRequest(form: Record<string, string>, origin: string | null = ORIGIN) {
  return fetch(`${base}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: origin ? { origin } : {},
    body: new URLSearchParams({ client_id: CLIENT, scope: `${CLIENT}/access_as_user openid profile offline_access`, client_info: '1', ...form }),
  });
}

const redeem = (code: string, form: Record<string, string> = {}, origin?: string | null) =>
  spaTokenRequest({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER, ...form }, origin);

/** Entra ID's default access token lifetime: between 60 and 90 minutes, valid from issue, and `expires_in` saying the same. */
function expectEntraLifetime(claims: JWTPayload, expiresIn: number): void {
  const lifetime = claims.exp! - claims.iat!;
  expect(lifetime).toBe(expiresIn);
  expect(lifetime).toBeGreaterThanOrEqual(3600);
  expect(lifetime).toBeLessThanOrEqual(5400);
  expect(claims.nbf).toBe(claims.iat);
}

function tokenRequest(form: Record<string, string>) {
  return fetch(`${base}/${TENANT}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams(form) });
}

describe('identity stand-in', () => {
  it('publishes an Entra-shaped discovery document whose JWKS verifies the tokens it issues', async () => {
    const doc = await discovery();
    expect(doc.issuer).toBe(`${base}/${TENANT}/v2.0`);
    const token = await issuer.issueToken(people[0]!.id);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(decodeProtectedHeader(token).kid).toEqual(expect.any(String));
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(doc.jwks_uri)), { issuer: doc.issuer, audience: CLIENT });
    expect(payload).toMatchObject({
      tid: TENANT,
      oid: people[0]!.id,
      preferred_username: 'amara@example.test',
      name: 'Amara Nwosu',
      scp: 'access_as_user',
      roles: ['Upward.Admin'],
      ver: '2.0',
    });
    expect(payload.sub).not.toBe(payload.oid);
    expect(payload.exp! - payload.iat!).toBeGreaterThanOrEqual(3600);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(5400);
  });

  it('leaves roles out for people without an app role', async () => {
    const { payload } = await jwtVerify(await issuer.issueToken(people[1]!.id), createRemoteJWKSet(new URL((await discovery()).jwks_uri)));
    expect(payload.roles).toBeUndefined();
  });

  it('signs tokens with an unpublished key on request, which the JWKS then rejects', async () => {
    const token = await issuer.issueToken(people[0]!.id, { signedBy: 'unknown-key' });
    await expect(jwtVerify(token, createRemoteJWKSet(new URL((await discovery()).jwks_uri)))).rejects.toThrow();
  });

  it('issues app-only Graph tokens with application roles for client credentials', async () => {
    const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, ...(await credential()), scope: `${GRAPH_RESOURCE}/.default` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe('Bearer');
    const claims = await issuer.verify(body.access_token, GRAPH_RESOURCE);
    // An app-only v2 token: the app in azp, authenticated by an assertion (azpacr 2), roles and no scp.
    expect(claims).toMatchObject({ idtyp: 'app', roles: UPWARD_GRAPH_APP_ROLES, tid: TENANT, azp: CLIENT, azpacr: '2', ver: '2.0', iss: `${base}/${TENANT}/v2.0` });
    expect(claims.scp).toBeUndefined();
    expect(claims.name).toBeUndefined();
    expectEntraLifetime(claims, body.expires_in);
  });

  it('gives successive tokens different lifetimes, as Entra ID randomises its default, never one fixed hour', async () => {
    const lifetimes = new Set<number>();
    for (let i = 0; i < 5; i++) {
      const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, ...(await credential()), scope: `${GRAPH_RESOURCE}/.default` });
      const body = (await res.json()) as { access_token: string; expires_in: number };
      expectEntraLifetime(await issuer.verify(body.access_token, GRAPH_RESOURCE), body.expires_in);
      lifetimes.add(body.expires_in);
    }
    // Five draws from 1,801 possible lifetimes all alike would be a one-in-10^13 chance.
    expect(lifetimes.size).toBeGreaterThan(1);
  });

  it('refuses a client secret, in the body or an HTTP Basic header, since the app has none', async () => {
    const inBasic = await fetch(`${base}/${TENANT}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT}:a-secret`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: `${GRAPH_RESOURCE}/.default` }),
    });
    const inBody = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, client_secret: 'a-secret', scope: `${GRAPH_RESOURCE}/.default` });
    for (const res of [inBasic, inBody]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    }
  });

  it('refuses a request without a credential, and an assertion that is not the managed identity\'s for the token exchange', async () => {
    const none = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, scope: `${GRAPH_RESOURCE}/.default` });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
    const forTheBotConnector = await managedIdentityToken(identityEnvironment, identity.clientId, 'https://api.botframework.com');
    const aPersonsToken = await issuer.issueToken(people[0]!.id, { audience: TOKEN_EXCHANGE_AUDIENCE });
    for (const assertion of [forTheBotConnector, aPersonsToken]) {
      const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion, scope: `${GRAPH_RESOURCE}/.default` });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client', error_codes: [700213] });
    }
  });

  it('refuses client credentials without a /.default scope', async () => {
    const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, ...(await credential()), scope: `${GRAPH_RESOURCE}/User.Read.All` });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('exchanges an Upward token for a Graph token for the same person on behalf of them', async () => {
    const assertion = await issuer.issueToken(people[1]!.id);
    const res = await tokenRequest({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: CLIENT,
      ...(await credential()),
      assertion,
      scope: `${GRAPH_RESOURCE}/User.Read ${GRAPH_RESOURCE}/Calendars.ReadWrite offline_access`,
      client_info: '1',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; scope: string; client_info: string };
    expect(body.scope).toBe(`${GRAPH_RESOURCE}/User.Read ${GRAPH_RESOURCE}/Calendars.ReadWrite`);
    const claims = await issuer.verify(body.access_token, GRAPH_RESOURCE);
    // Upward asked as a confidential client proving itself with an assertion: azp is Upward, azpacr 2.
    expect(claims).toMatchObject({ oid: people[1]!.id, scp: 'User.Read Calendars.ReadWrite', idtyp: 'user', azp: CLIENT, azpacr: '2', ver: '2.0' });
    expect(claims.xms_cc).toBeUndefined();
    expect(JSON.parse(Buffer.from(body.client_info, 'base64url').toString())).toEqual({ uid: people[1]!.id, utid: TENANT });
  });

  it('echoes the client capabilities declared in the claims parameter as xms_cc, and nothing else from it', async () => {
    const res = await tokenRequest({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: CLIENT,
      ...(await credential()),
      assertion: await issuer.issueToken(people[1]!.id),
      scope: `${GRAPH_RESOURCE}/.default`,
      claims: JSON.stringify({ access_token: { xms_cc: { values: ['cp1'] }, roles: { values: ['Upward.Admin'] } } }),
    });
    const claims = await issuer.verify(((await res.json()) as { access_token: string }).access_token, GRAPH_RESOURCE);
    expect(claims.xms_cc).toEqual(['cp1']);
    expect(claims.roles).toBeUndefined();
  });

  describe("refuses in Entra ID's error shape", () => {
    const obo = async (form: Record<string, string>) =>
      tokenRequest({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', requested_token_use: 'on_behalf_of', client_id: CLIENT, ...(await credential()), scope: `${GRAPH_RESOURCE}/.default`, ...form });

    it('an unknown client (unauthorized_client, AADSTS700016), with the code, trace and correlation ids, timestamp and error page', async () => {
      const res = await tokenRequest({ grant_type: 'client_credentials', client_id: '00000000-0000-4000-8000-000000000000', ...(await credential()), scope: `${GRAPH_RESOURCE}/.default` });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016], error_uri: 'https://login.microsoftonline.com/error?code=700016' });
      expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
      expect(body.trace_id).not.toBe(body.correlation_id);
      expect(body.error_description).toBe(
        `AADSTS700016: Application with identifier '00000000-0000-4000-8000-000000000000' was not found in the directory.\r\nTrace ID: ${String(body.trace_id)}\r\nCorrelation ID: ${String(body.correlation_id)}\r\nTimestamp: ${String(body.timestamp)}`,
      );
    });

    it('an app-only token as on-behalf-of assertion, even for Upward’s own API (invalid_grant, AADSTS50013)', async () => {
      const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, ...(await credential()), scope: `${CLIENT}/.default` });
      const appOnly = ((await res.json()) as { access_token: string }).access_token;
      const claims = await issuer.verify(appOnly, CLIENT);
      // A v2 token for a registration's own API: the client in azp, never v1's appid.
      expect(claims).toMatchObject({ aud: CLIENT, azp: CLIENT, azpacr: '2', idtyp: 'app', ver: '2.0' });
      expect(claims.appid).toBeUndefined();
      const refused = await obo({ assertion: appOnly });
      expect(await refused.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    });

    it('client credentials for a resource the tenant does not have (invalid_resource, AADSTS500011)', async () => {
      const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, ...(await credential()), scope: 'api://no-such-api/.default' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
    });

    it('an on-behalf-of request without its assertion (invalid_request, AADSTS900144)', async () => {
      const res = await obo({});
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', error_codes: [900144] });
    });

    it('an assertion that is not a token at all (invalid_grant, AADSTS50013)', async () => {
      const res = await obo({ assertion: 'not-a-jwt' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    });

    it('Graph permissions Upward was never consented for (invalid_grant, AADSTS65001)', async () => {
      const res = await obo({ assertion: await issuer.issueToken(people[1]!.id), scope: `${GRAPH_RESOURCE}/Mail.Send` });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
    });
  });

  it('refuses on-behalf-of for an expired assertion or one meant for another audience', async () => {
    const expired = await issuer.issueToken(people[1]!.id, { issuedAt: Math.floor(Date.now() / 1000) - 7200, lifetimeSeconds: 60 });
    const forGraph = await issuer.issueToken(people[1]!.id, { audience: GRAPH_RESOURCE });
    for (const assertion of [expired, forGraph]) {
      const res = await tokenRequest({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: CLIENT,
        ...(await credential()),
        assertion,
        scope: `${GRAPH_RESOURCE}/.default`,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    }
  });

  describe('on-behalf-of for a person who must interact first', () => {
    const person = people[1]!;
    const obo = async (assertion: string) =>
      tokenRequest({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: CLIENT,
        ...(await credential()),
        assertion,
        scope: `${GRAPH_RESOURCE}/.default`,
      });
    afterEach(() => requirements.grantConsent(person.id));

    it('answers invalid_grant AADSTS65001 with suberror consent_required until the person consents', async () => {
      requirements.requireConsent(person.id);
      const refused = await obo(await issuer.issueToken(person.id));
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
      requirements.grantConsent(person.id);
      expect((await obo(await issuer.issueToken(person.id))).status).toBe(200);
    });

    it('answers interaction_required AADSTS50076 with a claims challenge until the assertion carries the MFA context', async () => {
      const mfaPerson = people[0]!;
      requirements.requireMfa(mfaPerson.id);
      const refused = await obo(await issuer.issueToken(mfaPerson.id));
      expect(await refused.json()).toMatchObject({ error: 'interaction_required', error_codes: [50076], suberror: 'basic_action', claims: MFA_CLAIMS_CHALLENGE });
      expect((await obo(await issuer.issueToken(mfaPerson.id, { authContexts: ['c1'] }))).status).toBe(200);
    });
  });

  it('lists demo people on the sign-in page with every value escaped', async () => {
    const res = await fetch(`${base}/signin?${authorizeQuery({ login_hint: '' })}`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Amara Nwosu');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Kai');
    expect(html).not.toContain('<script>');
  });

  describe('authorization code flow with PKCE for the tab (a single-page app)', () => {
    it('publishes the code flow and S256 in the discovery document, and no implicit flow', async () => {
      const doc = (await (await fetch(`${base}/${TENANT}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string[]>;
      expect(doc.response_types_supported).toEqual(['code']);
      expect(doc.code_challenge_methods_supported).toEqual(['S256']);
      expect(doc.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
      expect(doc.grant_types_supported).not.toContain('implicit');
    });

    it('sends the chosen person back with a code and the state, then redeems the code for Upward tokens with CORS for the tab', async () => {
      const res = await authorize();
      const answer = answerOf(res);
      expect(answer.get('state')).toBe('state-1');
      expect(answer.get('access_token')).toBeNull();
      const tokens = await redeem(answer.get('code')!);
      expect(tokens.status).toBe(200);
      expect(tokens.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      const body = (await tokens.json()) as Record<string, string | number>;
      expect(body).toMatchObject({ token_type: 'Bearer', scope: `${CLIENT}/access_as_user`, refresh_token_expires_in: 86_400 });
      const claims = await issuer.verify(body.access_token as string, CLIENT);
      // A delegated v2 token for a public client (azpacr 0), with the person's names and Entra's opaque claims.
      expect(claims).toMatchObject({ oid: people[0]!.id, scp: 'access_as_user', roles: ['Upward.Admin'], azp: CLIENT, azpacr: '0', idtyp: 'user', ver: '2.0', tid: TENANT, name: people[0]!.displayName, preferred_username: people[0]!.userPrincipalName });
      for (const opaque of ['aio', 'rh', 'uti']) expect(claims[opaque]).toEqual(expect.any(String));
      expect(claims.sub).not.toBe(claims.oid);
      expect(claims.xms_cc).toBeUndefined();
      expectEntraLifetime(claims, body.expires_in as number);
      expect(await issuer.verify(body.id_token as string, CLIENT)).toMatchObject({ oid: people[0]!.id, nonce: 'nonce-1', tid: TENANT });
      expect(JSON.parse(Buffer.from(body.client_info as string, 'base64url').toString())).toEqual({ uid: people[0]!.id, utid: TENANT });
    });

    it('lets the page read the discovery document and keys across origins, as Entra ID does for MSAL.js', async () => {
      for (const path of ['v2.0/.well-known/openid-configuration', 'discovery/v2.0/keys']) {
        const res = await fetch(`${base}/${TENANT}/${path}`, { headers: { origin: ORIGIN } });
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
      }
    });

    it('answers in the query when the app asks for response_mode=query', async () => {
      const res = await authorize({ response_mode: 'query' });
      expect(new URL(res.headers.get('location')!).searchParams.get('code')).toEqual(expect.any(String));
    });

    it('answers a CORS preflight for the token endpoint', async () => {
      const res = await fetch(`${base}/${TENANT}/oauth2/v2.0/token`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
    });

    it('redeems a code once: a second redemption is refused with AADSTS54005', async () => {
      const code = await codeFor();
      expect((await redeem(code)).status).toBe(200);
      const again = await redeem(code);
      expect(again.status).toBe(400);
      expect(await again.json()).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
    });

    it('refuses a code_verifier that does not match the challenge (AADSTS50148) and a missing one (AADSTS501481)', async () => {
      const wrong = await redeem(await codeFor(), { code_verifier: `${VERIFIER}-not` });
      expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50148] });
      const missing = await redeem(await codeFor(), { code_verifier: '' });
      expect(await missing.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    });

    it('refuses a code redeemed with another redirect URI (AADSTS500112) or without the browser Origin header (AADSTS9002327)', async () => {
      const otherRedirect = await redeem(await codeFor(), { redirect_uri: 'http://127.0.0.1:4173/tab/index.html' });
      expect(await otherRedirect.json()).toMatchObject({ error: 'invalid_grant', error_codes: [500112] });
      const serverSide = await redeem(await codeFor(), {}, null);
      expect(serverSide.status).toBe(400);
      expect(await serverSide.json()).toMatchObject({ error: 'invalid_request', error_codes: [9002327] });
    });

    it('refuses a code presented by another client', async () => {
      const res = await redeem(await codeFor(), { client_id: '00000000-0000-4000-8000-000000000000' });
      expect(await res.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    });

    it('never redirects to an unregistered redirect URI, on or off this machine', async () => {
      for (const redirect of ['https://evil.example/tab/auth-redirect.html', 'http://127.0.0.1:4173/tab/index.html', `${REDIRECT}#x`]) {
        const res = await authorize({ redirect_uri: redirect });
        expect(res.status).toBe(400);
        expect(res.headers.get('location')).toBeNull();
        expect(await res.text()).toContain('AADSTS50011');
      }
    });

    it('refuses the implicit flow (response_type=token or id_token) as the registration without it does', async () => {
      for (const [responseType, code] of [['token', 700051], ['id_token', 700054], ['id_token token', 700051]] as const) {
        const answer = answerOf(await authorize({ response_type: responseType }));
        expect(answer.get('error')).toBe('unsupported_response_type');
        expect(answer.get('error_description')).toContain(`AADSTS${code}`);
        expect(answer.get('access_token')).toBeNull();
        expect(answer.get('code')).toBeNull();
      }
    });

    it('requires a PKCE challenge with the S256 method', async () => {
      expect(answerOf(await authorize({ code_challenge: '' })).get('error_description')).toContain('AADSTS9002325');
      expect(answerOf(await authorize({ code_challenge_method: 'plain' })).get('error')).toBe('invalid_request');
    });

    it('answers login_required to a silent request: the stand-in keeps no sign-in session', async () => {
      expect(answerOf(await authorize({ prompt: 'none' })).get('error')).toBe('login_required');
    });

    it('renews tokens with the refresh token, which rotates and keeps the sign-in', async () => {
      const first = (await (await redeem(await codeFor())).json()) as { refresh_token: string };
      const renewed = await spaTokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
      expect(renewed.status).toBe(200);
      const body = (await renewed.json()) as { access_token: string; refresh_token: string };
      expect(body.refresh_token).not.toBe(first.refresh_token);
      expect((await issuer.verify(body.access_token, CLIENT)).oid).toBe(people[0]!.id);
      const unknown = await spaTokenRequest({ grant_type: 'refresh_token', refresh_token: 'not-a-token' });
      expect(await unknown.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('stamps xms_cc on the tokens of a client that declares capabilities in claims, as MSAL.js sends clientCapabilities', async () => {
      const cp1 = JSON.stringify({ access_token: { xms_cc: { values: ['cp1'] } } });
      const first = (await (await redeem(await codeFor(), { claims: cp1 })).json()) as { access_token: string; refresh_token: string };
      expect((await issuer.verify(first.access_token, CLIENT)).xms_cc).toEqual(['cp1']);
      const renewed = (await (await spaTokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token, claims: cp1 })).json()) as { access_token: string };
      expect((await issuer.verify(renewed.access_token, CLIENT)).xms_cc).toEqual(['cp1']);
    });

    it('asks for consent on prompt=consent, and records it when the person accepts', async () => {
      const person = people[1]!;
      requirements.requireConsent(person.id);
      const page = await authorize({ prompt: 'consent', login_hint: person.id });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Permissions requested');
      const url = `${base}/${TENANT}/oauth2/v2.0/authorize?${authorizeQuery({ prompt: 'consent', login_hint: person.id })}`;
      const declined = await fetch(url, { method: 'POST', body: new URLSearchParams({ consent_decision: 'decline' }), redirect: 'manual' });
      expect(answerOf(declined).get('error')).toBe('access_denied');
      expect(requirements.hasConsented(person.id)).toBe(false);
      const accepted = await fetch(url, { method: 'POST', body: new URLSearchParams({ consent_decision: 'accept' }), redirect: 'manual' });
      expect(answerOf(accepted).get('code')).toEqual(expect.any(String));
      expect(requirements.hasConsented(person.id)).toBe(true);
    });

    it('stamps the authentication context a claims challenge asked for on the tokens of that sign-in', async () => {
      const body = (await (await redeem(await codeFor({ claims: MFA_CLAIMS_CHALLENGE }))).json()) as { access_token: string; refresh_token: string };
      expect((await issuer.verify(body.access_token, CLIENT)).acrs).toEqual(['c1']);
      const plain = (await (await redeem(await codeFor())).json()) as { refresh_token: string };
      const stepUp = await spaTokenRequest({ grant_type: 'refresh_token', refresh_token: plain.refresh_token, claims: MFA_CLAIMS_CHALLENGE });
      expect(await stepUp.json()).toMatchObject({ error: 'interaction_required', error_codes: [50076] });
    });
  });
});
