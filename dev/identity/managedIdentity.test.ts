import { decodeJwt } from 'jose';
import { appServiceIdentityEndpoint, type AppServiceIdentityEndpoint } from './appServiceIdentityEndpoint';
import { BOT_FRAMEWORK_RESOURCE, createManagedIdentity, managedIdentityToken, TOKEN_EXCHANGE_AUDIENCE, type ManagedIdentity } from './managedIdentity';
import { createSigningKeys } from './signingKeys';

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
let endpoint: AppServiceIdentityEndpoint;
let identity: ManagedIdentity;

const identityOf = async (tenantId: string) => createManagedIdentity({ baseUrl: 'http://127.0.0.1:1', tenantId, keys: await createSigningKeys() });

beforeAll(async () => {
  endpoint = await appServiceIdentityEndpoint();
  identity = await identityOf(TENANT);
  endpoint.attach(identity);
});

const ask = (query: Record<string, string>, header = endpoint.environment.IDENTITY_HEADER) =>
  fetch(`${endpoint.environment.IDENTITY_ENDPOINT}?${new URLSearchParams(query)}`, { headers: { 'X-IDENTITY-HEADER': header } });

describe("App Service's managed identity endpoint, as the stand-in serves it", () => {
  it('gives the user-assigned identity a token for the token exchange, which its federated credential check accepts', async () => {
    const token = await managedIdentityToken(endpoint.environment, identity.clientId, TOKEN_EXCHANGE_AUDIENCE);
    expect(decodeJwt(token)).toMatchObject({ aud: TOKEN_EXCHANGE_AUDIENCE, sub: identity.principalId, appid: identity.clientId, tid: TENANT });
    await expect(identity.verifyFederatedAssertion(token)).resolves.toMatchObject({ sub: identity.principalId });
  });

  it('finds the identity by its resource id as well, and gives it a Bot Connector token that is no federated credential', async () => {
    const response = await ask({ 'api-version': '2019-08-01', resource: BOT_FRAMEWORK_RESOURCE, mi_res_id: identity.resourceId });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; expires_on: string; client_id: string };
    expect(body.client_id).toBe(identity.clientId);
    expect(Number(body.expires_on)).toBeGreaterThan(Date.now() / 1000);
    await expect(identity.verifyFederatedAssertion(body.access_token)).rejects.toThrow();
  });

  it('refuses a caller without the identity header, another API version, no identity (there is no system-assigned one), an unknown identity and another resource', async () => {
    const query = { 'api-version': '2019-08-01', resource: TOKEN_EXCHANGE_AUDIENCE, client_id: identity.clientId };
    expect((await ask(query, 'guess')).status).toBe(401);
    expect((await ask({ ...query, 'api-version': '2017-09-01' })).status).toBe(400);
    expect((await ask({ 'api-version': '2019-08-01', resource: TOKEN_EXCHANGE_AUDIENCE })).status).toBe(400);
    expect((await ask({ ...query, client_id: '0b7e4f2a-1c3d-4e5f-8a9b-7c6d5e4f3a2b' })).status).toBe(400);
    expect((await ask({ ...query, resource: 'https://vault.azure.net' })).status).toBe(400);
  });

  it('keeps one address for the whole process, answering for each identity while it is attached and for none after', async () => {
    const later = await identityOf(OTHER_TENANT);
    const detach = endpoint.attach(later);
    expect((await appServiceIdentityEndpoint()).environment).toEqual(endpoint.environment);
    expect(decodeJwt(await managedIdentityToken(endpoint.environment, later.clientId, TOKEN_EXCHANGE_AUDIENCE))).toMatchObject({ tid: OTHER_TENANT });
    detach();
    expect((await ask({ 'api-version': '2019-08-01', resource: TOKEN_EXCHANGE_AUDIENCE, client_id: later.clientId })).status).toBe(400);
  });
});
