import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ApiError } from './errors';

export interface RateLimitSettings {
  /** Requests a signed-in person may make a minute. */
  perUserPerMinute: number;
  /** Requests an address may make a minute before its token is even checked. */
  perAddressPerMinute: number;
}

export const defaultRateLimits: RateLimitSettings = { perUserPerMinute: 600, perAddressPerMinute: 1200 };

const tooMany = (_req: Request, _res: unknown, next: (error: unknown) => void) => next(new ApiError('tooManyRequests'));

/**
 * Limits per address (before authentication, so token checks cannot be used to flood the
 * service) and per signed-in person. Counters live in each process: with N processes behind a
 * load balancer a person gets at most N times the figure, which still stops a runaway client.
 */
export function rateLimits(settings: RateLimitSettings) {
  return {
    perAddress: rateLimit({
      windowMs: 60_000,
      limit: settings.perAddressPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
      handler: tooMany,
    }),
    perUser: rateLimit({
      windowMs: 60_000,
      limit: settings.perUserPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => (req.caller ? `${req.caller.tenantId}:${req.caller.userId}` : ipKeyGenerator(req.ip ?? 'unknown')),
      handler: tooMany,
    }),
  };
}
