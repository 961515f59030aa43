import type { BotBackend } from '../../bot/botBackend';
import type { Config } from '../config';
import type { GraphGateway } from '../graph/graphGateway';
import type { Logger } from '../logger';
import type { Db } from '../store/database';
import { type BotHost, createBotHost } from './botHost';
import { type HoursOf, mailboxHours } from './mailboxSettings';
import { serverBotBackend } from './serverBotBackend';

/** The Teams bot: its host (served at /api/messages), the backend its flows read, and people's working hours. */
export interface BotRuntime {
  host: BotHost;
  backend: BotBackend;
  hoursOf: HoursOf;
}

/** The bot, built from the same dependencies as the rest of the service; the background jobs send through it. */
export function createBotRuntime(deps: { config: Config; db: Db; graph: GraphGateway; logger: Logger; clock: () => Date }): BotRuntime {
  const hoursOf = mailboxHours(deps.graph, deps.clock);
  const backend = serverBotBackend({
    db: deps.db,
    allowedTenants: deps.config.entra.allowedTenants,
    timeZoneOf: async (tenantId, userId) => (await hoursOf(tenantId, userId)).timeZone,
  });
  const host = createBotHost({ config: deps.config, db: deps.db, backend, clock: deps.clock, logger: deps.logger });
  return { host, backend, hoursOf };
}
