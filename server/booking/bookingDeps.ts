import type { AppDeps } from '../appDeps';
import { bookingIdentity, type BookingIdentity } from '../calendar/bookingIdentity';
import type { Directory } from '../directory/directory';
import type { Logger } from '../logger';
import type { Db } from '../store/database';
import { languageOf, type LanguageOf } from './eventLanguage';
import { createOffers, type Offers } from './offers';
import { createRoomCatalogue, type RoomCatalogue } from './roomCatalogue';

/** What booking's commands need from the outside world, and nothing more. */
export interface BookingDeps {
  db: Db;
  directory: Pick<Directory, 'getPeople'>;
  /** Whose Graph identity books, chosen once by configuration. */
  identity: BookingIdentity;
  rooms: RoomCatalogue;
  logger: Pick<Logger, 'error'>;
  /** Where an invitation points the people: their private workspace. */
  workspaceUrl: string;
  /** Each person's language, for the invitation they receive. */
  languageOf: LanguageOf;
  /** The suggestions each pair was last shown, for booking a fresh one without looking again. */
  offers: Offers;
}

/** Booking composed from the app's dependencies: the one place the booking identity is chosen. */
export function bookingDeps(deps: AppDeps, rooms: RoomCatalogue = createRoomCatalogue({ clock: deps.clock })): BookingDeps {
  return {
    db: deps.db,
    directory: deps.directory,
    identity: bookingIdentity(deps.config.bookingIdentity, deps.graph),
    rooms,
    logger: deps.logger,
    workspaceUrl: `${deps.config.publicBaseUrl}/tab/index.html#/workspace`,
    languageOf: languageOf(deps),
    offers: createOffers({ clock: deps.clock }),
  };
}
