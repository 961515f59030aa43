import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/** An error the stand-in answers in Graph's shape, with Graph's code and status. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (id: string) =>
  new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export function sendGraphError(res: Response, error: GraphError, clientRequestId?: string): void {
  const requestId = randomUUID();
  res
    .status(error.status)
    .set({ 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId, ...error.headers })
    .json({
      error: {
        code: error.code,
        message: error.message,
        innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId },
      },
    });
}
