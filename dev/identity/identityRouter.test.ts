import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { GRAPH_RESOURCE, UPWARD_GRAPH_APP_ROLES } from '../demoOrg/tenant';
import type { IdentityDirectory, IdentityPerson } from './directory';
import { createIdentityRouter, signInRedirect } from './identityRouter';
import { createInteractionRequirements, MFA_CLAIMS_CHALLENGE } from './interactionRequirements';
import { createSigningKeys } from './signingKeys';
import { createTokenIssuer } from './tokenIssuer';
import type { TokenIssuer } from './tokenIssuer';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '99999999-8888-4777-8666-555555555555';
const SECRET = 'test-secret';

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

beforeAll(async () => {
  const app = express();
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keys = await createSigningKeys();
  issuer = createTokenIssuer({ baseUrl: base, tenantId: TENANT, clientId: CLIENT, keys, directory });
  const config = { baseUrl: base, tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, keys, issuer, directory, requirements };
  app.use(`/${TENANT}`, createIdentityRouter(config));
  app.get('/signin', signInRedirect(config));
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function discovery() {
  const res = await fetch(`${base}/${TENANT}/v2.0/.well-known/openid-configuration`);
  return (await res.json()) as { issuer: string; jwks_uri: string; token_endpoint: string; authorization_endpoint: string };
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
    expect(payload.exp! - payload.iat!).toBe(3600);
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
    const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope: `${GRAPH_RESOURCE}/.default` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe('Bearer');
    const claims = await issuer.verify(body.access_token, GRAPH_RESOURCE);
    expect(claims).toMatchObject({ idtyp: 'app', roles: UPWARD_GRAPH_APP_ROLES, tid: TENANT });
    expect(claims.scp).toBeUndefined();
  });

  it('accepts client credentials in an HTTP Basic header', async () => {
    const res = await fetch(`${base}/${TENANT}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT}:${SECRET}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: `${GRAPH_RESOURCE}/.default` }),
    });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, client_secret: 'nope', scope: `${GRAPH_RESOURCE}/.default` });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });

  it('refuses client credentials without a /.default scope', async () => {
    const res = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope: `${GRAPH_RESOURCE}/User.Read.All` });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('exchanges an Upward token for a Graph token for the same person on behalf of them', async () => {
    const assertion = await issuer.issueToken(people[1]!.id);
    const res = await tokenRequest({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: CLIENT,
      client_secret: SECRET,
      assertion,
      scope: `${GRAPH_RESOURCE}/User.Read ${GRAPH_RESOURCE}/Calendars.ReadWrite offline_access`,
      client_info: '1',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; scope: string; client_info: string };
    expect(body.scope).toBe(`${GRAPH_RESOURCE}/User.Read ${GRAPH_RESOURCE}/Calendars.ReadWrite`);
    const claims = await issuer.verify(body.access_token, GRAPH_RESOURCE);
    expect(claims).toMatchObject({ oid: people[1]!.id, scp: 'User.Read Calendars.ReadWrite', idtyp: 'user' });
    expect(JSON.parse(Buffer.from(body.client_info, 'base64url').toString())).toEqual({ uid: people[1]!.id, utid: TENANT });
  });

  it('refuses on-behalf-of for an expired assertion or one meant for another audience', async () => {
    const expired = await issuer.issueToken(people[1]!.id, { issuedAt: Math.floor(Date.now() / 1000) - 7200, lifetimeSeconds: 60 });
    const forGraph = await issuer.issueToken(people[1]!.id, { audience: GRAPH_RESOURCE });
    for (const assertion of [expired, forGraph]) {
      const res = await tokenRequest({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: CLIENT,
        client_secret: SECRET,
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
        client_secret: SECRET,
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
    const res = await fetch(`${base}/signin?redirect_uri=${encodeURIComponent('http://localhost:3000/auth')}&state=s1`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Amara Nwosu');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Kai');
    expect(html).not.toContain('<script>');
  });

  it('returns to a loopback redirect_uri with the access token and state in the fragment', async () => {
    const query = new URLSearchParams({ client_id: CLIENT, redirect_uri: 'http://127.0.0.1:3000/auth-end', state: 'xyz', login_hint: people[0]!.id });
    const res = await fetch(`${base}/${TENANT}/oauth2/v2.0/authorize?${query}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('http://127.0.0.1:3000/auth-end');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('state')).toBe('xyz');
    expect(fragment.get('token_type')).toBe('Bearer');
    expect((await issuer.verify(fragment.get('access_token')!, CLIENT)).oid).toBe(people[0]!.id);
  });

  it('refuses to send tokens to a redirect_uri off this machine', async () => {
    const query = new URLSearchParams({ client_id: CLIENT, redirect_uri: 'https://evil.example/cb', login_hint: people[0]!.id });
    const res = await fetch(`${base}/${TENANT}/oauth2/v2.0/authorize?${query}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});
