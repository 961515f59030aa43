import { createHash } from 'node:crypto';
import type { IdentityDirectory } from './directory';
import { createSigningKeys } from './signingKeys';
import { CODE_LIFETIME_SECONDS, createSpaGrants, SPA_REFRESH_TOKEN_LIFETIME_SECONDS } from './spaGrants';
import { handleSpaTokenRequest, type SpaTokenConfig } from './spaTokenGrants';
import { createTokenIssuer } from './tokenIssuer';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '99999999-8888-4777-8666-555555555555';
const ORIGIN = 'http://127.0.0.1:4173';
const REDIRECT = `${ORIGIN}/tab/auth-redirect.html`;
const VERIFIER = 'v'.repeat(50);
const person = { id: 'aaaaaaaa-0000-4000-8000-000000000001', displayName: 'Amara Nwosu', userPrincipalName: 'amara@example.test', roles: [] };
const directory: IdentityDirectory = { findPerson: (id) => (id === person.id ? person : undefined), featuredPeople: () => [person], searchPeople: () => [person] };
const signIn = { clientId: CLIENT, personId: person.id, scopes: [`${CLIENT}/access_as_user`], authContexts: [] };

describe("the token endpoint's refusals of a single-page app's expired grants", () => {
  let now = 1_000_000;
  let config: SpaTokenConfig;
  beforeAll(async () => {
    const issuer = createTokenIssuer({ baseUrl: 'http://127.0.0.1:5100', tenantId: TENANT, clientId: CLIENT, keys: await createSigningKeys(), directory });
    config = { clientId: CLIENT, tenantId: TENANT, issuer, grants: createSpaGrants(() => now) };
  });

  it('answers a code redeemed after its ten minutes with invalid_grant AADSTS70008, in Entra ID’s error shape', async () => {
    const code = config.grants.issueCode({ ...signIn, redirectUri: REDIRECT, codeChallenge: createHash('sha256').update(VERIFIER).digest('base64url') });
    now += CODE_LIFETIME_SECONDS;
    const params = new URLSearchParams({ client_id: CLIENT, grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    const result = await handleSpaTokenRequest(config, params, ORIGIN);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: 'invalid_grant', error_codes: [70008], error_uri: 'https://login.microsoftonline.com/error?code=70008' });
    expect(result.body.error_description).toMatch(/^AADSTS70008: [^\r]+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: /);
  });

  it('answers a refresh token past its fixed 24 hours with invalid_grant AADSTS700084', async () => {
    const { token } = config.grants.issueRefreshToken(signIn);
    now += SPA_REFRESH_TOKEN_LIFETIME_SECONDS;
    const result = await handleSpaTokenRequest(config, new URLSearchParams({ client_id: CLIENT, grant_type: 'refresh_token', refresh_token: token }), ORIGIN);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: 'invalid_grant', error_codes: [700084] });
  });
});
