import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { createSelfSignedCertificate, writeCertificateFiles, type CertificateFiles } from '../../dev/identity/selfSignedCertificate';
import { certificateEnvironment } from '../../dev/standInEnvironment';
import { loadConfig } from '../config';
import { configFor, useM365StandIn } from '../../test/harness/m365';
import { createGraphTokens } from './graphTokens';
import { msalAuthorityFor } from './msalAuthority';

const standIn = useM365StandIn({ seed: 'tokens', size: 60 });

function tokens() {
  const config = configFor(standIn());
  return createGraphTokens({ authorityHost: config.entra.authorityHost, clientId: config.entra.clientId, credential: config.entra.credential });
}

describe('Graph tokens through MSAL against the stand-in token endpoint', () => {
  it('gets an app-only Graph token with client credentials, carrying the consented application permissions', async () => {
    const claims = decodeJwt(await tokens().appOnly(standIn().tenantId));
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: standIn().tenantId, idtyp: 'app', iss: standIn().issuer });
    expect(claims.roles).toContain('User.Read.All');
  });

  it('exchanges a signed-in user\'s token on their behalf for a delegated Graph token for the same person', async () => {
    const person = standIn().org.people[5]!;
    const claims = decodeJwt(await tokens().onBehalfOf(standIn().tenantId, await standIn().issueToken(person.user.id)));
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', oid: person.user.id, idtyp: 'user' });
    expect(String(claims.scp).split(' ')).toContain('User.ReadBasic.All');
  });

  it('refuses the exchange of a token that was not issued for Upward', async () => {
    const person = standIn().org.people[5]!;
    const graphToken = await standIn().issueToken(person.user.id, { audience: 'https://graph.microsoft.com' });
    await expect(tokens().onBehalfOf(standIn().tenantId, graphToken)).rejects.toThrow(/invalid_grant|AADSTS50013/);
  });

  it('proves the app with its managed identity, presented as a federated credential: another identity gets no token', async () => {
    const config = configFor(standIn());
    const otherIdentity = createGraphTokens({ authorityHost: config.entra.authorityHost, clientId: config.entra.clientId, credential: { kind: 'managed-identity', managedIdentityClientId: '0b7e4f2a-1c3d-4e5f-8a9b-7c6d5e4f3a2b' } });
    await expect(otherIdentity.appOnly(standIn().tenantId)).rejects.toThrow(/managed identity/i);
  });

  it('has no client secret to fall back on: the token endpoint refuses one for the Upward app', async () => {
    const response = await fetch(`${standIn().authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: standIn().clientId, client_secret: 'anything', scope: 'https://graph.microsoft.com/.default' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });
});

/*
 * A host without a managed identity: the certificate's files, as IDENTITY_CREDENTIAL=certificate
 * names them, through loadConfig; its public part uploaded to Upward's registration in the stand-in.
 */
describe('Graph tokens through a certificate, where there is no managed identity', () => {
  let directory: string;
  let uploaded: CertificateFiles;
  let notUploaded: CertificateFiles;
  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'upward-graph-certificate-'));
    const certificate = createSelfSignedCertificate({ subject: 'Upward (graph tokens test)' });
    standIn().applications.upward.certificates.upload(certificate.certificatePem);
    uploaded = writeCertificateFiles(directory, 'uploaded', certificate);
    notUploaded = writeCertificateFiles(directory, 'not-uploaded', createSelfSignedCertificate({ subject: 'Never uploaded' }));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function certificateTokens(files: CertificateFiles) {
    const config = loadConfig({ ...certificateEnvironment(standIn(), files), BOT_AUTH: 'entra', LOG_LEVEL: 'silent' });
    expect(config.entra.credential.kind).toBe('certificate');
    return createGraphTokens({ authorityHost: config.entra.authorityHost, clientId: config.entra.clientId, credential: config.entra.credential });
  }

  it('gets an app-only Graph token with the application permissions, signing its client assertion with the certificate', async () => {
    const claims = decodeJwt(await certificateTokens(uploaded).appOnly(standIn().tenantId));
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', appid: standIn().clientId, idtyp: 'app', iss: standIn().issuer });
    expect(claims.roles).toContain('User.Read.All');
  });

  it('exchanges a signed-in person’s token on their behalf', async () => {
    const person = standIn().org.people[7]!;
    const claims = decodeJwt(await certificateTokens(uploaded).onBehalfOf(standIn().tenantId, await standIn().issueToken(person.user.id)));
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', oid: person.user.id, idtyp: 'user' });
  });

  it('gets nothing with a certificate the app registration does not have (AADSTS700027)', async () => {
    const tokens = certificateTokens(notUploaded);
    await expect(tokens.appOnly(standIn().tenantId)).rejects.toThrow(/AADSTS700027/);
    await expect(tokens.onBehalfOf(standIn().tenantId, await standIn().issueToken(standIn().org.people[7]!.user.id))).rejects.toThrow(/AADSTS700027/);
  });
});

describe('MSAL authority configuration', () => {
  it('leaves discovery to MSAL for a Microsoft cloud and reads nothing itself', async () => {
    const refuse = (() => Promise.reject(new Error('no network'))) as typeof fetch;
    await expect(msalAuthorityFor('https://login.microsoftonline.com', 'contoso-tenant', refuse)).resolves.toEqual({
      authority: 'https://login.microsoftonline.com/contoso-tenant',
    });
  });

  it('hands MSAL the discovery document of any other issuer, so it never looks the instance up on the internet', async () => {
    const authority = await msalAuthorityFor(standIn().url, standIn().tenantId);
    const metadata = JSON.parse(authority.authorityMetadata ?? '{}') as { token_endpoint: string };
    expect(metadata.token_endpoint).toBe(`${standIn().authority}/oauth2/v2.0/token`);
    expect(authority.knownAuthorities).toEqual([new URL(standIn().url).host]);
  });
});
