/** The matching engine: the pairs with the best total score the pairing rules allow, with reasons. */
export { proposeMatches } from './proposeMatches';
export { defaultScoreWeights, scorePair } from './score';
export type { MatchCandidate, MatchInput, MatchPin, MatchResult, PinIssue } from './types';
export * from './reasons';
