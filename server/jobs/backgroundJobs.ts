import type { BotRuntime } from '../bot/botRuntime';
import { bookingIdentity } from '../calendar/bookingIdentity';
import type { Config } from '../config';
import type { Directory } from '../directory/directory';
import type { GraphGateway } from '../graph/graphGateway';
import type { Logger } from '../logger';
import type { Db } from '../store/database';
import { languageOf } from '../booking/eventLanguage';
import { createRoomCatalogue } from '../booking/roomCatalogue';
import { abandonedBookingJobHandlers, abandonedBookingJobs } from './booking/abandonedBookings';
import { roomCheckJobHandlers, roomCheckJobs } from './booking/roomCheck';
import { botJobHandlers } from './botMessages/botJobs';
import { planBotJobs } from './botMessages/botPlanner';
import { graphDeliveryCheck } from './botMessages/deliveryCheck';
import { housekeepingJobHandlers, housekeepingJobs } from './housekeeping/housekeepingJobs';
import { meetingTabJobHandlers, meetingTabJobs } from './housekeeping/meetingTab';
import { defaultQueueOptions, jobQueue, scheduleJobs } from './jobQueue';
import { type BackgroundJobs, startJobWorker } from './jobWorker';
import { retentionJobHandlers, retentionJobs } from './retention/retentionJobs';

/**
 * The service's background jobs: every domain's handlers, and the scheduler that runs every
 * domain's planner before the worker polls (bot messages, housekeeping, retention, booking sweep,
 * room check).
 */
export function createBackgroundJobs(deps: { config: Config; db: Db; graph: GraphGateway; directory: Directory; logger: Logger; clock: () => Date; bot: BotRuntime }): BackgroundJobs {
  const { host, backend, hoursOf } = deps.bot;
  const identity = bookingIdentity(deps.config.bookingIdentity, deps.graph);
  let lastPlan = 0;
  const rooms = createRoomCatalogue({ clock: deps.clock });
  return {
    startWorker(workerId) {
      return startJobWorker({
        queue: jobQueue(deps.db, workerId, { ...defaultQueueOptions, leaseMs: deps.config.jobLeaseMs }),
        handlers: {
          ...botJobHandlers({ db: deps.db, host, backend, hoursOf, delivered: graphDeliveryCheck({ graph: deps.graph, teamsAppCatalogId: deps.config.bot.teamsAppCatalogId, logger: deps.logger }) }),
          ...housekeepingJobHandlers({ db: deps.db, graph: deps.graph, directory: deps.directory, graphBaseUrl: deps.config.graphBaseUrl, teamsAppCatalogId: deps.config.bot.teamsAppCatalogId }),
          ...meetingTabJobHandlers({ db: deps.db, graph: deps.graph, graphBaseUrl: deps.config.graphBaseUrl, publicBaseUrl: deps.config.publicBaseUrl, teamsAppCatalogId: deps.config.bot.teamsAppCatalogId }),
          ...retentionJobHandlers({ db: deps.db, retentionDays: deps.config.retentionDays }),
          ...abandonedBookingJobHandlers({ db: deps.db, identity, languageOf: languageOf(deps), logger: deps.logger }),
          ...roomCheckJobHandlers({ db: deps.db, identity, directory: deps.directory, rooms, logger: deps.logger }),
        },
        clock: deps.clock,
        logger: deps.logger,
        beforePoll: async (now) => {
          // Planning once a minute is plenty: reminders are scheduled a day ahead.
          if (now.getTime() - lastPlan < 60_000) return;
          lastPlan = now.getTime();
          await planBotJobs(deps.db, now);
          await scheduleJobs(deps.db, await housekeepingJobs(deps.db, now, { teamsAppCatalogId: deps.config.bot.teamsAppCatalogId }));
          if (deps.config.bot.teamsAppCatalogId) await scheduleJobs(deps.db, await meetingTabJobs(deps.db, now));
          await scheduleJobs(deps.db, await retentionJobs(deps.db, now));
          await scheduleJobs(deps.db, await abandonedBookingJobs(deps.db, now, identity));
          await scheduleJobs(deps.db, await roomCheckJobs(deps.db, now, identity));
        },
      });
    },
  };
}
