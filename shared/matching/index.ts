/** The matching engine: the pairs with the best total score the pairing rules allow, with reasons. */
export { proposeMatches } from './proposeMatches';
export { defaultScoreWeights, scorePair } from './score';
export type {
  DirectoryFacts,
  MatchCandidate,
  MatchInput,
  MatchPin,
  MatchResult,
  PinIssue,
  PinIssueCode,
  ProposedPair,
  ScoreWeights,
  Unmatched,
  UnmatchedCode,
} from './types';
