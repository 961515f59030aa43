import { type SessionVenue, sessionVenueSchema, unknownSessionVenue } from '../../shared/schemas/workspace';
import { readStoredObject } from '../store/json';

/** A session's stored venue, each missing or unreadable field unknown (null). */
export function sessionVenueOf(raw: unknown, sessionId: string): SessionVenue {
  return readStoredObject(sessionVenueSchema.shape, unknownSessionVenue, raw, { table: 'sessions', column: 'venue', id: sessionId });
}
