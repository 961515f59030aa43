import { GraphError } from '@microsoft/microsoft-graph-client';
import { ApiError, type ProblemDetail } from '../http/errors';
import { InteractionRequiredError } from './graphTokens';

/** What a caller may say instead of the general words, about what it asked Graph for. */
export interface GraphFailureWords {
  /** Graph refused Upward (401, 403). */
  refused?: ProblemDetail;
  /** Graph does not have it (404). */
  missing?: ProblemDetail;
}

/**
 * What a person is told when Microsoft Graph failed, after the gateway's retries: the one mapping
 * of Graph failures to problems. A refusal (401, 403) is Upward's missing permission or consent,
 * never the caller's fault, so it is a 503 for the admin to fix, not a 403. Null for any other error.
 */
export function graphFailure(error: unknown, words: GraphFailureWords = {}): ApiError | null {
  // Not a failure of Microsoft 365: the person must consent or pass a check, which the client can ask for.
  if (error instanceof InteractionRequiredError) return new ApiError('interactionRequired', undefined, [], error.claims ? { claims: error.claims } : {});
  if (!(error instanceof GraphError)) return null;
  if (error.statusCode === 401 || error.statusCode === 403) {
    return new ApiError('upstreamUnavailable', words.refused ?? { key: 'upstreamUnavailable.graphRefused' });
  }
  if (error.statusCode === 404) return new ApiError('notFound', words.missing ?? { key: 'notFound.graphMissing' });
  // No status: the answer never came (the attempt's deadline) or the connection failed.
  if (error.statusCode === -1 || error.code === 'TimeoutError') return new ApiError('upstreamUnavailable', { key: 'upstreamUnavailable.graphTimeout' });
  // Throttled or unavailable still after the gateway's retries: the caller may try again when Graph said it would answer.
  return new ApiError('upstreamUnavailable', undefined, [], {}, retryAfterOf(error));
}

/** Graph's Retry-After in seconds, when it sent one as a number of seconds. */
function retryAfterOf(error: GraphError): number | null {
  const value = error.headers?.get('Retry-After');
  const seconds = value ? Number(value) : NaN;
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : null;
}
