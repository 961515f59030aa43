import type { Config } from './config';
import type { Logger } from './logger';
import type { Db } from './store/database';
import type { TokenValidator } from './auth/tokenValidator';

/** What the HTTP app needs from the outside world; tests build it with a real database and real tokens. */
export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  validateToken: TokenValidator;
  clock: () => Date;
  /** Whether the service can take traffic (database answers); used by /readyz. */
  ready: () => Promise<boolean>;
}
