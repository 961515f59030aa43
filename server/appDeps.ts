import type { Config } from './config';
import type { Logger } from './logger';
import type { Db } from './store/database';
import type { TokenValidator } from './auth/tokenValidator';
import type { Directory } from './directory/directory';
import type { GraphGateway } from './graph/graphGateway';
import type { BotRuntime } from './bot/botRuntime';
import type { BackgroundJobs } from './jobs/jobWorker';

/** What the HTTP app needs from the outside world; tests build it with a real database and real tokens. */
export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  validateToken: TokenValidator;
  /** Microsoft Graph (a tenant or the local stand-in, by configuration). */
  graph: GraphGateway;
  directory: Directory;
  clock: () => Date;
  /** The Teams bot (served at /api/messages). */
  bot: BotRuntime;
  /** Reminders, notices, housekeeping, retention and the booking sweep. */
  jobs: BackgroundJobs;
  /** Whether the service can take traffic (database answers); used by /readyz. */
  ready: () => Promise<boolean>;
}
