import { GraphError } from '@microsoft/microsoft-graph-client';
import { ApiError } from '../http/errors';
import { InteractionRequiredError } from './graphTokens';

/**
 * What a person is told when Microsoft Graph failed in a way the route did not handle, after the
 * gateway's retries: the request was fine, Microsoft 365 was not. Null for any other error.
 */
export function graphFailure(error: unknown): ApiError | null {
  // Not a failure of Microsoft 365: the person must consent or pass a check, which the client can ask for.
  if (error instanceof InteractionRequiredError) return new ApiError('interactionRequired', undefined, [], error.claims ? { claims: error.claims } : {});
  if (!(error instanceof GraphError)) return null;
  if (error.statusCode === 401 || error.statusCode === 403) {
    return new ApiError('upstreamUnavailable', 'Microsoft 365 refused Upward’s request. Ask your admin to check Upward’s permissions (see the admin guide).');
  }
  if (error.statusCode === 404) return new ApiError('notFound', 'Microsoft 365 does not have that person or item (any more).');
  // No status: the answer never came (the attempt's deadline) or the connection failed.
  if (error.statusCode === -1 || error.code === 'TimeoutError') return new ApiError('upstreamUnavailable', 'Microsoft 365 did not answer in time. Try again in a minute.');
  return new ApiError('upstreamUnavailable');
}
