import { createHash, createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import { BOT_FRAMEWORK_RESOURCE } from './managedIdentity';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';
import { CLIENT_ASSERTION_TYPE } from './clientAssertion';
import { createSelfSignedCertificate, type SelfSignedCertificate } from './selfSignedCertificate';

const DAY_MS = 24 * 60 * 60 * 1000;
let standIn: M365StandIn;
let registered: SelfSignedCertificate;
let unregistered: SelfSignedCertificate;

beforeAll(async () => {
  standIn = await startM365StandIn({ port: 0, seed: 'certificates', size: 40 });
  registered = createSelfSignedCertificate({ subject: 'Upward bot (test)' });
  unregistered = createSelfSignedCertificate({ subject: 'Someone else' });
  standIn.applications.bot.certificates.upload(registered.certificatePem);
});
afterAll(() => standIn.stop());

const tokenEndpoint = () => `${standIn.authority}/oauth2/v2.0/token`;
const der = (certificate: SelfSignedCertificate) => new X509Certificate(certificate.certificatePem).raw;
const thumbprints = (certificate: SelfSignedCertificate) => ({
  x5t: createHash('sha1').update(der(certificate)).digest('base64url'),
  'x5t#S256': createHash('sha256').update(der(certificate)).digest('base64url'),
});

interface AssertionOptions {
  /** The certificate whose thumbprint the header names; `signedWith` signs (the same unless a test forges). */
  certificate?: SelfSignedCertificate;
  signedWith?: SelfSignedCertificate;
  /** PS256 with x5t#S256 (msal-node with a SHA-256 thumbprint) or RS256 with x5t (SHA-1, as the Agents SDK's msal-node sends). */
  style?: 'PS256' | 'RS256';
  claims?: JWTPayload;
  clientId?: string;
}

/** A client assertion as RFC 7523 and Entra ID's certificate credentials describe it. */
async function assertion(options: AssertionOptions = {}): Promise<string> {
  const certificate = options.certificate ?? registered;
  const clientId = options.clientId ?? standIn.applications.bot.clientId;
  const style = options.style ?? 'PS256';
  const { x5t, 'x5t#S256': x5tS256 } = thumbprints(certificate);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ aud: tokenEndpoint(), iss: clientId, sub: clientId, jti: randomUUID(), nbf: now, exp: now + 600, ...options.claims })
    .setProtectedHeader(style === 'PS256' ? { alg: 'PS256', typ: 'JWT', 'x5t#S256': x5tS256 } : { alg: 'RS256', typ: 'JWT', x5t })
    .sign(createPrivateKey((options.signedWith ?? certificate).privateKeyPem));
}

async function clientCredentials(clientAssertion: string, clientId = standIn.applications.bot.clientId, scope = `${BOT_FRAMEWORK_RESOURCE}/.default`) {
  const response = await fetch(tokenEndpoint(), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, scope, client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: clientAssertion }),
  });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string; error_codes?: number[]; error_description?: string } };
}

describe("the identity stand-in's token endpoint with a certificate uploaded to an app registration", () => {
  it('accepts a PS256 assertion naming the certificate by x5t#S256, and issues the bot a Bot Framework token in its own name', async () => {
    const { status, body } = await clientCredentials(await assertion());
    expect(status).toBe(200);
    const claims = decodeJwt(body.access_token!);
    expect(claims).toMatchObject({ aud: BOT_FRAMEWORK_RESOURCE, appid: standIn.applications.bot.clientId, sub: standIn.applications.bot.servicePrincipalId, iss: standIn.issuer, idtyp: 'app' });
    expect(claims.roles).toBeUndefined();
    expect(await standIn.botConnector.acceptsBotPost(`Bearer ${body.access_token}`, standIn.applications.bot.clientId)).toBe(true);
  });

  it('accepts an RS256 assertion naming it by its SHA-1 x5t, as the Agents SDK sends it, and the same assertion again while it is valid (MSAL reuses one)', async () => {
    const once = await assertion({ style: 'RS256' });
    expect((await clientCredentials(once)).status).toBe(200);
    expect((await clientCredentials(once)).status).toBe(200);
  });

  it('gives Upward’s registration its consented Graph application permissions through a certificate as well', async () => {
    const upward = createSelfSignedCertificate({ subject: 'Upward (test)' });
    standIn.applications.upward.certificates.upload(upward.certificatePem);
    const { status, body } = await clientCredentials(await assertion({ certificate: upward, clientId: standIn.clientId }), standIn.clientId, 'https://graph.microsoft.com/.default');
    expect(status).toBe(200);
    expect(decodeJwt(body.access_token!).roles).toContain('User.Read.All');
  });

  describe('refuses as Entra ID does', () => {
    const refusals: [string, () => Promise<string>, number][] = [
      ['a certificate not uploaded to the registration (AADSTS700027, key not found)', () => assertion({ certificate: unregistered }), 700027],
      ['a registered certificate’s thumbprint on an assertion another key signed (AADSTS700027, signature)', () => assertion({ signedWith: unregistered }), 700027],
      ['an expired assertion (AADSTS700024)', () => assertion({ claims: { nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 } }), 700024],
      ['an assertion not yet valid (AADSTS700024)', () => assertion({ claims: { nbf: Math.floor(Date.now() / 1000) + 3600, exp: Math.floor(Date.now() / 1000) + 4200 } }), 700024],
      ['an assertion for another audience (AADSTS700023)', () => assertion({ claims: { aud: 'https://login.microsoftonline.com/common/oauth2/v2.0/token' } }), 700023],
      ['an assertion naming another app as issuer and subject (AADSTS700021)', () => assertion({ claims: { iss: standIn.clientId, sub: standIn.clientId } }), 700021],
    ];
    it.each(refusals)('%s', async (_name, make, code) => {
      const { status, body } = await clientCredentials(await make());
      expect(status).toBe(401);
      expect(body).toMatchObject({ error: 'invalid_client', error_codes: [code] });
      expect(body.access_token).toBeUndefined();
    });

    it('an assertion without a jti, as malformed (AADSTS50027)', async () => {
      const { status, body } = await clientCredentials(await assertion({ claims: { jti: undefined } }));
      expect(status).toBe(400);
      expect(body.error_codes).toEqual([50027]);
    });

    it('a certificate whose registration has expired (AADSTS700027, the key used is expired)', async () => {
      const old = createSelfSignedCertificate({ notBefore: new Date(Date.now() - 400 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) });
      standIn.applications.bot.certificates.upload(old.certificatePem);
      const { body } = await clientCredentials(await assertion({ certificate: old }));
      expect(body.error_codes).toEqual([700027]);
      expect(body.error_description).toMatch(/The key used is expired/);
    });

    it('a certificate of the bot’s registration presented for Upward’s (uploaded to one registration, not the other)', async () => {
      const { body } = await clientCredentials(await assertion({ clientId: standIn.clientId }), standIn.clientId, 'https://graph.microsoft.com/.default');
      expect(body.error_codes).toEqual([700027]);
    });
  });

  it('keeps two certificates at once for a rotation, and refuses the old one once it is removed', async () => {
    const next = createSelfSignedCertificate({ subject: 'Upward bot (next)' });
    const uploaded = standIn.applications.bot.certificates.upload(next.certificatePem);
    expect((await clientCredentials(await assertion())).status).toBe(200);
    expect((await clientCredentials(await assertion({ certificate: next }))).status).toBe(200);
    const old = standIn.applications.bot.certificates.list().find((c) => c.thumbprint !== uploaded.thumbprint && c.subject.includes('Upward bot (test)'))!;
    expect(standIn.applications.bot.certificates.remove(old.thumbprint)).toBe(true);
    expect((await clientCredentials(await assertion())).body.error_codes).toEqual([700027]);
    expect((await clientCredentials(await assertion({ certificate: next }))).status).toBe(200);
    standIn.applications.bot.certificates.upload(registered.certificatePem);
  });

  it('takes an uploaded certificate over its admin API, as the local setup uploads one, and refuses what is not a certificate', async () => {
    const local = createSelfSignedCertificate({ subject: 'Uploaded over HTTP' });
    const upload = (body: string) => fetch(`${standIn.url}/_standin/applications/${standIn.applications.bot.clientId}/certificates`, { method: 'POST', headers: { 'content-type': 'application/x-pem-file' }, body });
    const response = await upload(local.certificatePem);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ thumbprint: createHash('sha1').update(der(local)).digest('hex').toUpperCase(), subject: 'CN=Uploaded over HTTP' });
    expect((await clientCredentials(await assertion({ certificate: local }))).status).toBe(200);
    expect((await upload(local.privateKeyPem)).status).toBe(400);
    expect((await upload(local.certificatePem)).status).toBe(400);
  });
});
