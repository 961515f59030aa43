/** Venue policy, pure: which places are neutral for a pair, best first, each with its reason. */
export { homeBaseOf, planVenues } from './venuePolicy';
export type {
  HomeBase,
  NeutralityCode,
  OffsiteVenue,
  PlaceRoom,
  VenuePerson,
  VenuePlan,
  VenuePolicyInput,
  VenueRejection,
  VenueRejectionCode,
  VenueSuggestion,
  WorkplaceFacts,
} from './venuePolicy';
