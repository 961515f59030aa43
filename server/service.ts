import { hostname } from 'node:os';
import { createApp } from './app';
import type { AppDeps } from './appDeps';
import { composeDeps } from './composition';
import type { Config } from './config';
import { listenWithLimits } from './http/httpServer';
import type { Logger } from './logger';
import { openDatabase } from './store/database';
import { databaseTargetOf } from './store/databaseTarget';
import { reportStoredDataTo } from './store/json';
import { migrateToLatest } from './store/migrate';

export interface RunningService {
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Rotate a certificate before it expires: it is worth a warning at each start from 30 days before. */
const CERTIFICATE_WARNING_DAYS = 30;

/** Which certificate signs Upward's assertions and until when (IDENTITY_CREDENTIAL=certificate), so whoever rotates it sees it in the log. */
export function logCertificate(config: Config, logger: Logger, now: Date): void {
  const credential = config.entra.credential;
  if (credential.kind !== 'certificate') return;
  const { thumbprint, subject, notAfter } = credential.certificate;
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / 86_400_000);
  const facts = { thumbprint, subject, notAfter: notAfter.toISOString(), daysLeft };
  if (daysLeft < CERTIFICATE_WARNING_DAYS) logger.warn(facts, 'the app registration certificate expires soon: upload a new one beside it and rotate (docs/admin-guide.md)');
  else logger.info(facts, 'signing in to Entra ID with the app registration certificate');
}

/** Opens the database, brings its schema up to date, and serves the app until closed. */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  reportStoredDataTo(logger);
  const database = await openDatabase(databaseTargetOf(config));
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  const deps = composeDeps(config, database.db, logger);
  const app = createApp(deps);
  const server = await listenWithLimits(app, config.http, config.port, config.host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  const worker = deps.jobs.startWorker(`${hostname()}:${process.pid}:${port}`);
  logger.info({ url, engine: database.engine }, 'Upward is listening');
  logCertificate(config, logger, new Date());
  return {
    url,
    deps,
    async close() {
      await worker.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await database.close();
    },
  };
}
