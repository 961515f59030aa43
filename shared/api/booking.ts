import type { VenueKind } from '../glossary';
import type { NeutralityCode } from '../venues/venuePolicy';
import type { SessionView } from './workspace';

/** A suggestion as the add-in shows and books it: the time, the place and why that place is neutral. */
export interface SuggestionView {
  start: string;
  end: string;
  venue: { kind: VenueKind; ref: string | null; displayName: string };
  neutrality: string;
  neutralityCode: NeutralityCode;
  fallback: boolean;
  why: string;
}

/** GET /api/pairs/:id/booking/suggestions */
export interface SuggestionList {
  subject: string;
  suggestions: SuggestionView[];
  roomsChecked: number;
  roomsRejected: number;
  partner: { displayName: string; mail: string };
}

/** POST /api/pairs/:id/sessions and PATCH /api/pairs/:id/sessions/:sessionId: the session, plus the neutral subject the calendar carries. */
export interface BookedSession extends SessionView {
  subject: string;
}
