import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getAuthConfigWithDefaults, loadAuthConfigFromEnv, MsalTokenProvider, type AuthConfiguration } from '@microsoft/agents-hosting';
import { decodeJwt } from 'jose';
import { textCard } from '../../bot/cards/relationshipCards';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { BOT_FRAMEWORK_RESOURCE } from '../../dev/identity/managedIdentity';
import { createSelfSignedCertificate, writeCertificateFiles, type CertificateFiles } from '../../dev/identity/selfSignedCertificate';
import { startM365StandIn, type M365StandIn } from '../../dev/m365StandIn';
import { certificateEnvironment } from '../../dev/standInEnvironment';
import { BOT_CONNECTION } from '../botConnectionConfig';
import { putEntraInFrontOf } from '../../test/harness/entraFront';
import { chatsWithTheBot } from '../../test/harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../test/harness/testService';
import { botAuthConfiguration } from './botHost';

const leader = DEMO_PERSONAS.seniorLeader;

/** The bot connection exactly as the Agents SDK reads it from these variables itself. */
function sdkReads(env: Record<string, string>): AuthConfiguration {
  const saved = { ...process.env };
  try {
    Object.assign(process.env, env, { TEST_MODE: 'true' });
    return loadAuthConfigFromEnv().connections!.get(BOT_CONNECTION)!;
  } finally {
    process.env = saved;
  }
}

/*
 * A host without a managed identity (IDENTITY_CREDENTIAL=certificate): the bot is its own app
 * registration, with a certificate uploaded to it, and the Agents SDK's Certificate connection
 * reads the PEM files itself and asks Entra ID (the stand-in, answering for
 * login.microsoftonline.com, as the SDK's msal-node takes no other authority) for its Bot
 * Framework token. The Teams side accepts only posts with a token issued to the bot's app id.
 */
describe('the bot with a certificate, where there is no managed identity', () => {
  let standIn: M365StandIn;
  let service: TestService;
  let teams: TeamsConnector;
  let directory: string;
  let files: CertificateFiles;
  let notUploaded: CertificateFiles;
  let restoreFetch: () => void;
  let tenantId: string;

  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, seed: 'bot-certificate', size: 60 });
    restoreFetch = putEntraInFrontOf(standIn);
    directory = mkdtempSync(path.join(tmpdir(), 'upward-bot-certificate-'));
    // One certificate for both registrations, as the admin guide suggests; each upload is separate.
    const certificate = createSelfSignedCertificate({ subject: 'Upward (bot certificate test)' });
    standIn.applications.upward.certificates.upload(certificate.certificatePem);
    standIn.applications.bot.certificates.upload(certificate.certificatePem);
    files = writeCertificateFiles(directory, 'upward', certificate);
    notUploaded = writeCertificateFiles(directory, 'not-uploaded', createSelfSignedCertificate({ subject: 'Never uploaded' }));
    teams = await startTeamsConnector({ authorize: (authorization) => standIn.botConnector.acceptsBotPost(authorization, standIn.applications.bot.clientId) });
    service = await startTestService({ standIn, environment: (s) => certificateEnvironment(s, files) });
    tenantId = standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service?.close();
    await teams?.stop();
    restoreFetch?.();
    await standIn?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('hands the SDK exactly the Certificate connection its own environment reader finds, and runs with no managed identity', () => {
    const env = certificateEnvironment(standIn, files);
    expect(env.IDENTITY_ENDPOINT).toBeUndefined();
    const reads = sdkReads(env);
    expect(reads).toMatchObject({ clientId: standIn.applications.bot.clientId, authType: 'Certificate', certPemFile: files.certificateFile, certKeyFile: files.keyFile, validateIssuer: true });
    const saved = { ...process.env };
    try {
      process.env.TEST_MODE = 'true';
      expect(getAuthConfigWithDefaults(botAuthConfiguration(service.deps.config)).connections!.get(BOT_CONNECTION)).toEqual(getAuthConfigWithDefaults({ connections: new Map([[BOT_CONNECTION, reads]]), connectionsMap: [{ serviceUrl: '*', connection: BOT_CONNECTION }] }).connections!.get(BOT_CONNECTION));
    } finally {
      process.env = saved;
    }
    expect(service.deps.config.entra.credential).toMatchObject({ kind: 'certificate' });
  });

  it('gets the bot’s Bot Framework token through the SDK’s own token provider, signed in as the bot’s app registration', async () => {
    const token = await new MsalTokenProvider(sdkReads(certificateEnvironment(standIn, files))).getAccessToken(BOT_FRAMEWORK_RESOURCE);
    expect(decodeJwt(token)).toMatchObject({ aud: BOT_FRAMEWORK_RESOURCE, appid: standIn.applications.bot.clientId, iss: standIn.issuer });
  });

  it('sends a proactive card through the Bot Connector with that token', async () => {
    await chatsWithTheBot(service.database.db, tenantId, { userIds: [leader.id], serviceUrl: teams.url, conversationPrefix: 'a:personal-' });
    await expect(service.deps.bot.host.send(tenantId, leader.id, textCard('Hello', 'Sent with the bot’s certificate.'))).resolves.toEqual({ kind: 'sent' });
    expect(teams.refused).toEqual([]);
    expect(teams.received).toEqual([expect.objectContaining({ conversationId: `a:personal-${leader.id}` })]);
    expect(JSON.stringify(teams.received[0]!.activity)).toContain('Sent with the bot’s certificate.');
  });

  it('gets no token with a certificate the bot’s registration does not have (AADSTS700027)', async () => {
    const provider = new MsalTokenProvider(sdkReads(certificateEnvironment(standIn, notUploaded)));
    await expect(provider.getAccessToken(BOT_FRAMEWORK_RESOURCE)).rejects.toThrow(/AADSTS700027/);
  });
});
