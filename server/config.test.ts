import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSelfSignedCertificate, writeCertificateFiles, type CertificateFiles } from '../dev/identity/selfSignedCertificate';
import { ConfigError, loadConfig } from './config';
import type { Logger } from './logger';
import { logCertificate } from './service';

const tenant = '11111111-2222-3333-4444-555555555555';
const client = '66666666-7777-8888-9999-000000000000';
const identity = 'abababab-1212-4343-8585-cdcdcdcdcdcd';
/** What App Service and infra/main.bicep give the process: the managed identity, and the bot connection on it. */
const managedIdentity = {
  IDENTITY_ENDPOINT: 'http://127.0.0.1:41741/msi/token',
  IDENTITY_HEADER: 'set-by-app-service',
  connections__serviceConnection__settings__clientId: identity,
  connections__serviceConnection__settings__tenantId: tenant,
  connections__serviceConnection__settings__authType: 'UserManagedIdentity',
  connections__serviceConnection__settings__validateIssuer: 'true',
};
const base = { ENTRA_CLIENT_ID: client, ENTRA_ALLOWED_TENANTS: tenant, ...managedIdentity };
const messageOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted it');
};

describe('loadConfig', () => {
  it('fills sensible defaults: port 3978, embedded database in .data, real Microsoft Graph', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('.data');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(config.entra.allowedTenants).toEqual([tenant]);
    expect(config.graphAttemptTimeoutMs).toBe(20_000);
  });

  it('reads an empty TEAMS_APP_CATALOG_ID (the app not published yet, as the deployment passes it) as none', () => {
    expect(loadConfig({ ...base, TEAMS_APP_CATALOG_ID: '' }).bot.teamsAppCatalogId).toBeUndefined();
    expect(loadConfig({ ...base, TEAMS_APP_CATALOG_ID: 'a1b2' }).bot.teamsAppCatalogId).toBe('a1b2');
  });

  it('accepts the local Teams host stand-in origin in development and refuses it in production', () => {
    expect(loadConfig({ ...base, UPWARD_DEV_TEAMS_HOST_ORIGIN: 'http://127.0.0.1:5100' }).devTeamsHostOrigin).toBe('http://127.0.0.1:5100');
    expect(loadConfig(base).devTeamsHostOrigin).toBeUndefined();
    expect(() => loadConfig({ ...base, UPWARD_DEV_TEAMS_HOST_ORIGIN: 'http://127.0.0.1:5100', NODE_ENV: 'production' })).toThrow(/UPWARD_DEV_TEAMS_HOST_ORIGIN/);
  });

  it('names every variable to fix, and says when one is missing', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', ENTRA_ALLOWED_TENANTS: 'contoso', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/ENTRA_CLIENT_ID: is required/);
    expect(message).toMatch(/ENTRA_ALLOWED_TENANTS.*tenant ids/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ connection string/);
  });

  it('accepts several tenants and a Postgres server', () => {
    const other = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const config = loadConfig({ ...base, ENTRA_ALLOWED_TENANTS: `${tenant}, ${other}`, DATABASE_URL: 'postgres://u@h/db' });
    expect(config.entra.allowedTenants).toEqual([tenant, other]);
    expect(config.databaseUrl).toBe('postgres://u@h/db');
  });

  it('holds ten Postgres connections unless DATABASE_POOL_SIZE says otherwise, and refuses a pool of none', () => {
    expect(loadConfig(base).databasePoolSize).toBe(10);
    expect(loadConfig({ ...base, DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    expect(() => loadConfig({ ...base, DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('takes the bot identity and the Graph credential from the managed identity the Agents SDK settings name', () => {
    const config = loadConfig(base);
    expect(config.bot.connection).toEqual({ clientId: identity, tenantId: tenant, authType: 'UserManagedIdentity', validateIssuer: true });
    expect(config.entra.credential).toEqual({ kind: 'managed-identity', managedIdentityClientId: identity });
  });

  it('stops at start, naming the setting, when the bot identity is missing, incomplete or would accept any issuer', () => {
    const { connections__serviceConnection__settings__clientId: _clientId, ...withoutClient } = base;
    expect(messageOf(withoutClient)).toMatch(/connections__serviceConnection__settings__clientId: is required/);
    expect(messageOf({ ...base, connections__serviceConnection__settings__authType: 'ClientSecret' })).toMatch(/authType: must be UserManagedIdentity/);
    expect(messageOf({ ...base, connections__serviceConnection__settings__validateIssuer: 'false' })).toMatch(/validateIssuer: must be true/);
    const { IDENTITY_ENDPOINT: _endpoint, ...withoutEndpoint } = base;
    expect(messageOf(withoutEndpoint)).toMatch(/IDENTITY_ENDPOINT: is required/);
  });

  it('refuses every client secret and a second, possibly contradicting, way of naming the bot', () => {
    for (const name of ['ENTRA_CLIENT_SECRET', 'BOT_CLIENT_SECRET', 'MicrosoftAppPassword', 'clientSecret', 'connections__serviceConnection__settings__clientSecret']) {
      expect(messageOf({ ...base, [name]: 'shh' })).toContain(`${name}: remove it`);
    }
    expect(messageOf({ ...base, clientId: identity })).toMatch(/clientId: remove it \(set the bot's identity once/);
    expect(messageOf({ ...base, connections__other__settings__clientId: identity })).toMatch(/one bot connection/);
  });

  it('refuses a bot whose id is the Upward API (its tokens would pass for Bot Framework traffic)', () => {
    expect(messageOf({ ...base, connections__serviceConnection__settings__clientId: client })).toMatch(/clientId is ENTRA_CLIENT_ID/);
  });

  it('allows anonymous bot traffic only beside the local stand-in on loopback, whatever NODE_ENV says', () => {
    const local = { ...base, ENTRA_AUTHORITY_HOST: 'http://127.0.0.1:5100', GRAPH_BASE_URL: 'http://127.0.0.1:5100/v1.0', BOT_AUTH: 'anonymous' };
    expect(loadConfig(local).bot.auth).toBe('anonymous');
    expect(messageOf({ ...local, HOST: '0.0.0.0' })).toMatch(/HOST is not on this machine/);
    expect(messageOf({ ...local, ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.com', NODE_ENV: 'development' })).toMatch(/ENTRA_AUTHORITY_HOST is not on this machine/);
    expect(messageOf({ ...local, GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' })).toMatch(/GRAPH_BASE_URL is not on this machine/);
    expect(messageOf({ ...local, NODE_ENV: 'production' })).toMatch(/BOT_AUTH=anonymous/);
  });
});

/*
 * A host without a managed identity: IDENTITY_CREDENTIAL=certificate, the certificate's PEM files
 * for Graph (IDENTITY_CERTIFICATE_*) and for the bot (the Agents SDK's certPemFile/certKeyFile,
 * the bot being its own app registration). Each file is read and checked at start.
 */
describe('loadConfig with a certificate where there is no managed identity', () => {
  const bot = '12121212-3434-4565-8787-909090909090';
  let directory: string;
  let good: CertificateFiles;
  let other: CertificateFiles;
  let expired: CertificateFiles;
  let encryptedKey: string;
  let ecKey: string;

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'upward-config-certificate-'));
    good = writeCertificateFiles(directory, 'good', createSelfSignedCertificate());
    other = writeCertificateFiles(directory, 'other', createSelfSignedCertificate());
    expired = writeCertificateFiles(directory, 'expired', createSelfSignedCertificate({ notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') }));
    encryptedKey = path.join(directory, 'encrypted.key.pem');
    writeFileSync(encryptedKey, createPrivateKey(readFileSync(good.keyFile)).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'not-read' }));
    ecKey = path.join(directory, 'ec.key.pem');
    writeFileSync(ecKey, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** No IDENTITY_ENDPOINT: nothing App Service would set. */
  const certificateEnv = (files: CertificateFiles = good, botFiles: CertificateFiles = good) => ({
    ENTRA_CLIENT_ID: client,
    ENTRA_ALLOWED_TENANTS: tenant,
    IDENTITY_CREDENTIAL: 'certificate',
    IDENTITY_CERTIFICATE_FILE: files.certificateFile,
    IDENTITY_CERTIFICATE_KEY_FILE: files.keyFile,
    connections__serviceConnection__settings__clientId: bot,
    connections__serviceConnection__settings__tenantId: tenant,
    connections__serviceConnection__settings__authType: 'Certificate',
    connections__serviceConnection__settings__certPemFile: botFiles.certificateFile,
    connections__serviceConnection__settings__certKeyFile: botFiles.keyFile,
    connections__serviceConnection__settings__validateIssuer: 'true',
  });

  it('reads the certificate for Graph and hands the bot’s files to the SDK as they are, with no managed identity endpoint', () => {
    const config = loadConfig(certificateEnv(good, other));
    expect(config.entra.credential).toMatchObject({ kind: 'certificate', certificate: { subject: 'CN=Upward (local)', thumbprintSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(config.bot.connection).toEqual({ clientId: bot, tenantId: tenant, authType: 'Certificate', certPemFile: other.certificateFile, certKeyFile: other.keyFile, validateIssuer: true });
  });

  it('stops at start, naming the setting, for a missing, unreadable, mismatched, encrypted, non-RSA or expired certificate', () => {
    const { IDENTITY_CERTIFICATE_KEY_FILE: _key, ...withoutKey } = certificateEnv();
    expect(messageOf(withoutKey)).toMatch(/IDENTITY_CERTIFICATE_KEY_FILE: is required with IDENTITY_CREDENTIAL=certificate/);
    expect(messageOf({ ...certificateEnv(), IDENTITY_CERTIFICATE_FILE: path.join(directory, 'missing.pem') })).toMatch(/IDENTITY_CERTIFICATE_FILE: cannot read .*missing\.pem \(ENOENT\)/);
    expect(messageOf({ ...certificateEnv(), IDENTITY_CERTIFICATE_FILE: good.keyFile })).toMatch(/IDENTITY_CERTIFICATE_FILE: .* is not a PEM certificate/);
    expect(messageOf({ ...certificateEnv(), IDENTITY_CERTIFICATE_KEY_FILE: other.keyFile })).toMatch(/IDENTITY_CERTIFICATE_KEY_FILE: is not the private key of the certificate in IDENTITY_CERTIFICATE_FILE/);
    expect(messageOf({ ...certificateEnv(), IDENTITY_CERTIFICATE_KEY_FILE: encryptedKey })).toMatch(/IDENTITY_CERTIFICATE_KEY_FILE: .* is encrypted/);
    expect(messageOf({ ...certificateEnv(), IDENTITY_CERTIFICATE_KEY_FILE: ecKey })).toMatch(/IDENTITY_CERTIFICATE_KEY_FILE: must be an RSA private key/);
    expect(messageOf(certificateEnv(expired))).toMatch(/IDENTITY_CERTIFICATE_FILE: the certificate expired on 2025-01-01/);
    expect(messageOf({ ...certificateEnv(), connections__serviceConnection__settings__certKeyFile: other.keyFile })).toMatch(/connections__serviceConnection__settings__certKeyFile: is not the private key of the certificate in connections__serviceConnection__settings__certPemFile/);
    const { connections__serviceConnection__settings__certPemFile: _pem, ...withoutBotCertificate } = certificateEnv();
    expect(messageOf(withoutBotCertificate)).toMatch(/certPemFile: is required with authType Certificate/);
  });

  it('runs the whole service on one credential: no certificate bot beside a managed identity, nor the other way round', () => {
    expect(messageOf({ ...certificateEnv(), connections__serviceConnection__settings__authType: 'UserManagedIdentity' })).toMatch(/authType: must be Certificate with IDENTITY_CREDENTIAL=certificate/);
    const { IDENTITY_CREDENTIAL: _credential, IDENTITY_CERTIFICATE_FILE: _file, IDENTITY_CERTIFICATE_KEY_FILE: _keyFile, ...certificateBot } = certificateEnv();
    expect(messageOf({ ...certificateBot, IDENTITY_ENDPOINT: managedIdentity.IDENTITY_ENDPOINT, IDENTITY_HEADER: managedIdentity.IDENTITY_HEADER })).toMatch(/authType: must be UserManagedIdentity with IDENTITY_CREDENTIAL=managed-identity/);
    expect(messageOf({ ...base, IDENTITY_CERTIFICATE_FILE: good.certificateFile })).toMatch(/IDENTITY_CERTIFICATE_FILE: is for IDENTITY_CREDENTIAL=certificate/);
    expect(messageOf({ ...base, connections__serviceConnection__settings__certPemFile: good.certificateFile })).toMatch(/certPemFile: is for authType Certificate/);
    expect(messageOf({ ...base, IDENTITY_CREDENTIAL: 'client-secret' })).toMatch(/IDENTITY_CREDENTIAL: must be managed-identity .* or certificate/);
  });

  it('refuses Entra authentication to Postgres, which needs the managed identity this host does not have', () => {
    expect(messageOf({ ...certificateEnv(), DATABASE_URL: 'postgres://upward@db.example.test/upward', DATABASE_AUTH: 'managed-identity' })).toMatch(/DATABASE_AUTH=managed-identity needs a managed identity.*use DATABASE_AUTH=url/);
    expect(loadConfig({ ...certificateEnv(), DATABASE_URL: 'postgres://upward@db.example.test/upward' }).databaseAuth).toBe('url');
  });

  it('logs at start which certificate signs and until when, warning from 30 days before it expires', () => {
    const config = loadConfig(certificateEnv());
    const logger = { info: jest.fn(), warn: jest.fn() };
    const notAfter = (config.entra.credential as Extract<typeof config.entra.credential, { kind: 'certificate' }>).certificate.notAfter;
    logCertificate(config, logger as unknown as Logger, new Date(notAfter.getTime() - 90 * 86_400_000));
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ thumbprint: expect.stringMatching(/^[0-9A-F]{40}$/), daysLeft: 90 }), expect.any(String));
    logCertificate(config, logger as unknown as Logger, new Date(notAfter.getTime() - 10 * 86_400_000));
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ daysLeft: 10 }), expect.stringMatching(/expires soon/));
  });

  it('still refuses every client secret, and a bot whose id is the Upward API', () => {
    for (const name of ['ENTRA_CLIENT_SECRET', 'MicrosoftAppPassword', 'connections__serviceConnection__settings__clientSecret']) {
      expect(messageOf({ ...certificateEnv(), [name]: 'shh' })).toContain(`${name}: remove it`);
    }
    expect(messageOf({ ...certificateEnv(), connections__serviceConnection__settings__clientId: client })).toMatch(/clientId is ENTRA_CLIENT_ID; the bot must have an identity of its own/);
  });
});
