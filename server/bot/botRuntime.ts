import { abandonedBookingJobHandlers, abandonedBookingJobs } from '../booking/abandonedBookings';
import type { Config } from '../config';
import type { Directory } from '../directory/directory';
import type { GraphGateway } from '../graph/graphGateway';
import { defaultQueueOptions, jobQueue, scheduleJobs } from '../jobs/jobQueue';
import { type JobWorker, startJobWorker } from '../jobs/jobWorker';
import type { Logger } from '../logger';
import { retentionJobHandlers, retentionJobs } from '../privacy/retentionJobs';
import type { Db } from '../store/database';
import { type BotHost, createBotHost } from './botHost';
import { botJobHandlers } from './botJobs';
import { planBotJobs } from './botPlanner';
import { graphDeliveryCheck } from './deliveryCheck';
import { housekeepingJobHandlers } from './housekeepingJobs';
import { mailboxHours } from './mailboxSettings';
import { serverBotBackend } from './serverBotBackend';

export interface BotRuntime {
  host: BotHost;
  /** Starts this process's reminder worker (every process may run one). */
  startWorker(workerId: string): JobWorker;
}

/** The bot and its reminder worker, built from the same dependencies as the rest of the service. */
export function createBotRuntime(deps: { config: Config; db: Db; graph: GraphGateway; directory: Directory; logger: Logger; clock: () => Date }): BotRuntime {
  const hoursOf = mailboxHours(deps.graph, deps.clock);
  const backend = serverBotBackend({
    db: deps.db,
    allowedTenants: deps.config.entra.allowedTenants,
    timeZoneOf: async (tenantId, userId) => (await hoursOf(tenantId, userId)).timeZone,
  });
  const host = createBotHost({ config: deps.config, db: deps.db, backend, clock: deps.clock, logger: deps.logger });
  let lastPlan = 0;
  return {
    host,
    startWorker(workerId) {
      return startJobWorker({
        queue: jobQueue(deps.db, workerId, { ...defaultQueueOptions, leaseMs: deps.config.jobLeaseMs }),
        handlers: {
          ...botJobHandlers({ db: deps.db, host, backend, hoursOf, delivered: graphDeliveryCheck({ graph: deps.graph, teamsAppCatalogId: deps.config.bot.teamsAppCatalogId, logger: deps.logger }) }),
          ...housekeepingJobHandlers({ db: deps.db, graph: deps.graph, directory: deps.directory, graphBaseUrl: deps.config.graphBaseUrl, teamsAppCatalogId: deps.config.bot.teamsAppCatalogId }),
          ...retentionJobHandlers({ db: deps.db, retentionDays: deps.config.retentionDays }),
          ...abandonedBookingJobHandlers({ db: deps.db, graph: deps.graph, logger: deps.logger }),
        },
        clock: deps.clock,
        logger: deps.logger,
        beforePoll: async (now) => {
          // Planning once a minute is plenty: reminders are scheduled a day ahead.
          if (now.getTime() - lastPlan < 60_000) return;
          lastPlan = now.getTime();
          await planBotJobs(deps.db, now, { teamsAppCatalogId: deps.config.bot.teamsAppCatalogId });
          await scheduleJobs(deps.db, await retentionJobs(deps.db, now));
          await scheduleJobs(deps.db, await abandonedBookingJobs(deps.db, now, deps.config.bookingIdentity));
        },
      });
    },
  };
}
