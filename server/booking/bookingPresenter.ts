import type { BookedSession, SuggestionList, SuggestionView } from '../../shared/api/booking';
import type { SlotSuggestion } from '../../shared/scheduling';
import { presentSession } from '../workspace/workspacePresenter';
import type { Suggestions } from './availability';
import { neutralSubject } from './createEvent';
import type { SessionRow } from './reserve';

/** A suggestion as the add-in shows and books it: the time, the place and why that place is neutral. */
export function presentSuggestion(s: SlotSuggestion): SuggestionView {
  return {
    start: s.start,
    end: s.end,
    venue: { kind: s.venue.kind, ref: s.venue.ref, displayName: s.venue.displayName },
    neutrality: s.venue.neutrality,
    neutralityCode: s.code,
    fallback: s.fallback,
    why: s.why,
  };
}

export function presentSuggestions(result: Suggestions): SuggestionList {
  return {
    subject: neutralSubject,
    suggestions: result.suggestions.map(presentSuggestion),
    roomsChecked: result.roomsChecked,
    roomsRejected: result.roomsRejected,
    partner: result.partner,
  };
}

/** A booked session, as the workspace shows it, plus the neutral subject the calendar carries. */
export function presentBookedSession(row: SessionRow): BookedSession {
  return { ...presentSession(row), subject: neutralSubject };
}
