import { sql } from 'kysely';
import type { AppDeps } from './appDeps';
import { createBotRuntime } from './bot/botRuntime';
import { createTokenValidator } from './auth/tokenValidator';
import type { Config } from './config';
import { createGraphDirectory } from './directory/graphDirectory';
import { createGraphGateway } from './graph/graphGateway';
import { createGraphTokens } from './graph/graphTokens';
import { createBackgroundJobs } from './jobs/backgroundJobs';
import type { Logger } from './logger';
import type { Db } from './store/database';

/**
 * Builds everything the app needs from configuration alone: which Microsoft 365 (a tenant or
 * the local stand-in) is decided by the URLs and ids in `config`, never by a branch here. The
 * service and the tests both use this, so tests exercise the production wiring.
 */
export function composeDeps(config: Config, db: Db, logger: Logger, clock: () => Date = () => new Date()): AppDeps {
  const graph = createGraphGateway({
    baseUrl: config.graphBaseUrl,
    tokens: createGraphTokens({
      authorityHost: config.entra.authorityHost,
      clientId: config.entra.clientId,
      credential: config.entra.credential,
    }),
    attemptTimeoutMs: config.graphAttemptTimeoutMs,
  });
  const directory = createGraphDirectory({ graph, gradeAttribute: config.gradeAttribute });
  const bot = createBotRuntime({ config, db, graph, logger, clock });
  return {
    config,
    db,
    logger,
    clock,
    validateToken: createTokenValidator({
      authorityHost: config.entra.authorityHost,
      clientId: config.entra.clientId,
      allowedTenants: config.entra.allowedTenants,
    }),
    graph,
    bot,
    jobs: createBackgroundJobs({ config, db, graph, directory, logger, clock, bot }),
    directory,
    ready: async () => {
      await sql`select 1`.execute(db);
      return true;
    },
  };
}
