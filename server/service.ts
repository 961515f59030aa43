import { hostname } from 'node:os';
import { createApp } from './app';
import type { AppDeps } from './appDeps';
import { composeDeps } from './composition';
import type { Config } from './config';
import { listenWithLimits } from './http/httpServer';
import type { Logger } from './logger';
import { openDatabase } from './store/database';
import { databaseTargetOf } from './store/databaseTarget';
import { migrateToLatest } from './store/migrate';

export interface RunningService {
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and serves the app until closed. */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
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
