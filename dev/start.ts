import { spawn } from 'node:child_process';
import path from 'node:path';
import { DateTime } from 'luxon';
import { loadConfigOrExit } from '../server/config';
import { createLogger } from '../server/logger';
import { startService } from '../server/service';
import { DEMO_PERSONAS } from './demoOrg/personas';
import { startM365StandIn } from './m365StandIn';
import { seedDemo } from './seedDemo';
import { teamsHostAddress } from './teamsHost/hostAddress';
import { createSelfSignedCertificate, writeCertificateFiles, type CertificateFiles } from './identity/selfSignedCertificate';
import type { M365StandIn } from './m365StandIn';
import { certificateEnvironment, exposeManagedIdentity, standInEnvironment } from './standInEnvironment';

/**
 * `npm start`: Upward on this machine. By default with the local Microsoft 365 stand-in and a
 * demo organisation, signing in as the stand-in's managed identity; with
 * UPWARD_STANDIN_CREDENTIAL=certificate, as a host without one (a fresh certificate, uploaded to
 * the stand-in's app registrations); with UPWARD_USE_REAL_TENANT=1, only the service, configured
 * for a real tenant by the environment (see README).
 */
async function main() {
  const useRealTenant = process.env.UPWARD_USE_REAL_TENANT === '1';
  const standIn = useRealTenant
    ? null
    : await startM365StandIn({ port: Number(process.env.UPWARD_STANDIN_PORT ?? 5100), seed: process.env.UPWARD_DEMO_SEED ?? 'upward', size: Number(process.env.UPWARD_DEMO_SIZE ?? 300) });
  if (standIn) exposeManagedIdentity(standIn);
  const withCertificate = process.env.UPWARD_STANDIN_CREDENTIAL === 'certificate';
  const environment = !standIn ? {} : withCertificate ? certificateEnvironment(standIn, uploadLocalCertificate(standIn)) : standInEnvironment(standIn);
  const config = loadConfigOrExit({ ...environment, ...process.env });
  const logger = createLogger(config.logLevel);
  const service = await startService(config, logger);
  if (standIn) {
    const seeded = await seedDemo(service.deps, standIn.org, DateTime.utc().minus({ weeks: 3 }).toISODate()!);
    if (seeded) logger.info('demo programme created for the demo organisation');
  }
  // A login hint names who to sign in (the stand-in's sign-in page then needs no choice); it is not a credential.
  const signIn = (id: string) => `${service.url}/tab/index.html?login_hint=${id}#/workspace`;
  const lines = [
    '',
    `Upward is running at ${service.url}`,
    `  Teams tab (in a browser):  ${service.url}/tab/index.html#/workspace`,
    `  Outlook add-in task pane:  ${service.url}/addin/taskpane.html`,
    `  Bot endpoint:              ${service.url}/api/messages   (chat with it: npm run playground)`,
    `  Health:                    ${service.url}/healthz`,
    ...(standIn
      ? [
          `  Microsoft 365 stand-in:    ${standIn.url}  (Graph ${standIn.graphBaseUrl})`,
          '  Sign in as a demo person (the tab sends you to the stand-in\'s sign-in page; pick anyone there):',
          ...Object.entries(DEMO_PERSONAS).map(([role, p]) => `    ${`${p.givenName} ${p.surname}`.padEnd(20)} ${role.padEnd(22)} ${signIn(p.id)}`),
          '  The tab inside Teams (the local Teams host stand-in), as each demo person:',
          ...Object.values(DEMO_PERSONAS).map((p) => `    ${`${p.givenName} ${p.surname}`.padEnd(20)} ${teamsHostAddress(standIn.teamsHostUrl, `${service.url}/tab/index.html#/workspace`, p.id)}`),
        ]
      : []),
    `  Data: ${config.databaseUrl ? 'Postgres server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}/`}`,
    `  Credential: ${config.entra.credential.kind === 'certificate' ? `certificate ${config.entra.credential.certificate.thumbprint} (uploaded to the stand-in's app registrations)` : 'managed identity'}`,
    '',
  ];
  console.log(lines.join('\n'));
  buildWebAssets();
  const stop = async () => {
    await service.close();
    await standIn?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/**
 * What an admin does for a host without a managed identity, done for the stand-in: a certificate
 * (new each start, as the stand-in's bot registration is), its public part uploaded to Upward's
 * and the bot's app registrations, the files where the service reads them (the key owner-only).
 */
function uploadLocalCertificate(standIn: M365StandIn): CertificateFiles {
  const certificate = createSelfSignedCertificate({ subject: 'Upward (local stand-in)' });
  standIn.applications.upward.certificates.upload(certificate.certificatePem);
  standIn.applications.bot.certificates.upload(certificate.certificatePem);
  return writeCertificateFiles(path.join(process.env.UPWARD_DATA_DIR ?? '.data', 'standin-certificate'), 'upward', certificate);
}

/** Builds the tab and the add-in while the service already answers, so start-up stays quick. */
function buildWebAssets() {
  console.log('Building the tab and the Outlook add-in (they are served as soon as the build ends)...');
  const build = spawn(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'inherit', 'inherit'] });
  build.on('exit', (code) => console.log(code === 0 ? 'Web assets ready.' : `The web build failed (exit ${code}); run npm run build to see why.`));
}

void main();
