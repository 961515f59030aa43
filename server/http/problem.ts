import type { ProblemDocument } from '../../shared/api/problem';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { graphFailure } from '../graph/graphFailure';
import type { Logger } from '../logger';
import { ApiError, problemDetailText, type ErrorCode } from './errors';
import { problemText } from './problemText';

/**
 * The problem as a person reads it, in their language (the request's Accept-Language): the title,
 * and the detail (the catalogue's for the code, or the refusal's own catalogue message). The code
 * stays the same in every language.
 */
export function sendProblem(res: Response, error: ApiError, instance: string): void {
  const language = res.req.get('accept-language');
  const reader = problemText(language);
  const detail = problemDetailText(error.detail, language);
  res.vary('Accept-Language');
  if (error.retryAfterSeconds !== null) res.set('Retry-After', String(error.retryAfterSeconds));
  res
    .status(error.status)
    .type('application/problem+json')
    .json({
      type: `https://upward.dev/problems/${error.code}`,
      title: reader.t(`${error.code}.title`),
      status: error.status,
      detail,
      instance,
      code: error.code,
      ...(error.errors.length > 0 ? { errors: error.errors.map((e) => ({ field: e.field, message: problemDetailText(e.message, language) })) } : {}),
      ...error.extensions,
    } satisfies ProblemDocument);
}

/** Maps errors raised by Express' own body parsing to the catalogue. */
function fromBodyParser(err: unknown): ErrorCode | null {
  const type = (err as { type?: unknown }).type;
  if (type === 'entity.parse.failed') return 'invalidJson';
  if (type === 'entity.too.large') return 'payloadTooLarge';
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 'unsupportedMediaType';
  // A body whose Content-Encoding names a compression it does not have: zlib's codes (Z_DATA_ERROR, ...).
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) return 'undecodableBody';
  // Anything else body-parser refused (a body shorter than its Content-Length, ...) is the client's.
  const status = (err as { status?: unknown }).status;
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) return 'invalidRequest';
  return null;
}

/**
 * Postgres going away (a restart, a failover): SQLSTATE class 08 (connection exception) and 57P01-57P03
 * (shut down, or starting up), or the socket refused or cut. The request can be tried again.
 */
function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET'].includes(code)) return true;
  // node-postgres' own words for a connection that died (the second one when a rollback meets it).
  return typeof e?.message === 'string' && /^Connection terminated|has encountered a connection error and is not queryable/.test(e.message);
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof ApiError) return sendProblem(res, err, req.originalUrl);
    const parserCode = fromBodyParser(err);
    if (parserCode) return sendProblem(res, new ApiError(parserCode), req.originalUrl);
    const upstream = graphFailure(err);
    if (upstream) {
      logger.warn({ err, url: req.originalUrl, method: req.method }, 'Microsoft Graph failed');
      return sendProblem(res, upstream, req.originalUrl);
    }
    if (isDatabaseUnavailable(err)) {
      logger.warn({ err, url: req.originalUrl, method: req.method }, 'database unavailable');
      return sendProblem(res, new ApiError('databaseUnavailable'), req.originalUrl);
    }
    logger.error({ err, url: req.originalUrl, method: req.method }, 'unhandled error');
    sendProblem(res, new ApiError('internal'), req.originalUrl);
  };
}

export const apiRouteNotFound: RequestHandler = (req, res) => {
  sendProblem(res, new ApiError('routeNotFound', { key: 'routeNotFound.route', values: { method: req.method, path: req.path } }), req.originalUrl);
};
