import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { composeDeps } from '../composition';
import { createLogger } from '../logger';
import { testEngines, type TestDatabase } from '../../test/harness/databases';
import { configFor, useM365StandIn } from '../../test/harness/m365';

const otherTenant = '0f0f0f0f-1111-4222-8333-444444444444';

// Token checks do not touch the database, so one engine is enough here.
describe('token validation on /api, through the real app', () => {
  const standIn = useM365StandIn({ seed: 'tokens', size: 80 });
  let database: TestDatabase;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    database = await testEngines()[0]!.create();
    const config = configFor(standIn());
    const app = createApp(composeDeps(config, database.db, createLogger('silent')));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.drop();
  });

  const person = () => standIn().org.people.find((p) => p.managerId)!;
  const me = (token: string) => fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('accepts a valid token and answers with the caller and their directory facts, never their reporting line', async () => {
    const p = person();
    const res = await me(await standIn().issueToken(p.user.id));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      tenantId: standIn().tenantId,
      userId: p.user.id,
      displayName: p.user.displayName,
      directory: { department: p.user.department, jobTitle: p.user.jobTitle, officeLocation: p.user.officeLocation, hasPhoto: expect.any(Boolean) },
    });
    expect(JSON.stringify(body)).not.toContain(p.managerId!);
    expect(JSON.stringify(body)).not.toMatch(/manager/i);
  });

  const refused: [string, () => Promise<string>][] = [
    ['expired', () => standIn().issueToken(person().user.id, { issuedAt: nowSeconds() - 7200, lifetimeSeconds: 600 })],
    ['not yet valid', () => standIn().issueToken(person().user.id, { issuedAt: nowSeconds(), notBefore: nowSeconds() + 3600 })],
    ['for another audience', () => standIn().issueToken(person().user.id, { audience: 'https://graph.microsoft.com' })],
    ['from another issuer', () => standIn().issueToken(person().user.id, { issuer: 'https://login.microsoftonline.com/evil/v2.0' })],
    ['from a tenant Upward does not serve', () => standIn().issueToken(person().user.id, { tenantId: otherTenant })],
    ['signed by a key nobody published', () => standIn().issueToken(person().user.id, { signedBy: 'unknown-key' })],
    ['unsigned (alg: none)', async () => unsigned(await standIn().issueToken(person().user.id))],
    ['without the access_as_user scope', () => standIn().issueToken(person().user.id, { scopes: ['User.Read'] })],
  ];

  it.each(refused)('refuses a token that is %s with 401', async (_case, token) => {
    const res = await me(await token());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a request without a token with 401', async () => {
    expect((await fetch(`${url}/api/me`)).status).toBe(401);
  });
});

/** The same claims with the header swapped for `alg: none` and the signature dropped. */
function unsigned(token: string): string {
  const [, payload] = token.split('.');
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${header}.${payload}.`;
}
