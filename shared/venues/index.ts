/** Venue policy, pure: which places are neutral for a pair, best first, each with its reason. */
export { homeBaseOf, planVenues } from './venuePolicy';
export type { PlaceRoom, VenuePerson, VenuePlan, WorkplaceFacts } from './venuePolicy';
