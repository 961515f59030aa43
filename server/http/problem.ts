import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../logger';
import { ApiError, errorCatalogue, type ErrorCode } from './errors';

export function sendProblem(res: Response, error: ApiError, instance: string): void {
  const entry = errorCatalogue[error.code];
  res
    .status(error.status)
    .type('application/problem+json')
    .json({
      type: `https://upward.dev/problems/${error.code}`,
      title: entry.title,
      status: error.status,
      detail: error.detail,
      instance,
      code: error.code,
      ...(error.errors.length > 0 ? { errors: error.errors } : {}),
      ...error.extensions,
    });
}

/** Maps errors raised by Express' own body parsing to the catalogue. */
function fromBodyParser(err: unknown): ErrorCode | null {
  const type = (err as { type?: unknown }).type;
  if (type === 'entity.parse.failed') return 'invalidJson';
  if (type === 'entity.too.large') return 'payloadTooLarge';
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 'unsupportedMediaType';
  return null;
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof ApiError) return sendProblem(res, err, req.originalUrl);
    const parserCode = fromBodyParser(err);
    if (parserCode) return sendProblem(res, new ApiError(parserCode), req.originalUrl);
    logger.error({ err, url: req.originalUrl, method: req.method }, 'unhandled error');
    sendProblem(res, new ApiError('internal'), req.originalUrl);
  };
}

export const apiRouteNotFound: RequestHandler = (req, res) => {
  sendProblem(res, new ApiError('routeNotFound', `There is no ${req.method} ${req.path} in the Upward API.`), req.originalUrl);
};
