import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Db } from '../store/database';
import { ApiError } from './errors';
import { PostgresRateLimitStore } from './postgresRateLimitStore';

export interface RateLimitSettings {
  /** Requests a signed-in person may make a minute. */
  perUserPerMinute: number;
  /** Requests an address may make a minute before its token is even checked. */
  perAddressPerMinute: number;
}

export const defaultRateLimits: RateLimitSettings = { perUserPerMinute: 600, perAddressPerMinute: 1200 };

const tooMany = (_req: Request, _res: unknown, next: (error: unknown) => void) => next(new ApiError('tooManyRequests'));

/**
 * The client's address without a port: App Service's front end forwards `X-Forwarded-For` as
 * `address:port`, and a port per connection would give every connection its own counter.
 * IPv6 addresses are counted per /56 (ipKeyGenerator), as one subscriber usually holds one.
 */
export function clientAddressKey(ip: string | undefined): string {
  const raw = ip ?? 'unknown';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  const address = bracketed ? bracketed[1]! : /^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(raw) ? raw.slice(0, raw.lastIndexOf(':')) : raw;
  return ipKeyGenerator(address);
}

/**
 * Limits per address (before authentication, so token checks cannot be used to flood the
 * service) and per signed-in person, counted in Postgres so that they hold across every process.
 * A database that does not answer lets requests through: they then meet the database themselves.
 */
export function rateLimits(settings: RateLimitSettings, db: Db) {
  const common = {
    windowMs: 60_000,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany,
    passOnStoreError: true,
    // The library looks for ipKeyGenerator in the key generator's source text; clientAddressKey calls it.
    validate: { keyGeneratorIpFallback: false },
  } as const;
  return {
    perAddress: rateLimit({
      ...common,
      limit: settings.perAddressPerMinute,
      store: new PostgresRateLimitStore(db, 'address:'),
      keyGenerator: (req) => clientAddressKey(req.ip),
    }),
    perUser: rateLimit({
      ...common,
      limit: settings.perUserPerMinute,
      store: new PostgresRateLimitStore(db, 'user:', (key) => key.slice(0, key.indexOf(':'))),
      keyGenerator: (req) => (req.caller ? `${req.caller.tenantId}:${req.caller.userId}` : `*:${clientAddressKey(req.ip)}`),
    }),
    /** The bot's /api/messages, once the activity is admitted: per person writing (all of Teams arrives from few addresses). */
    perBotSender: rateLimit({
      windowMs: 60_000,
      limit: settings.perUserPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => {
        const activity = req.body as { conversation?: { id?: string }; from?: { id?: string; aadObjectId?: string } };
        return `bot:${activity.conversation?.id ?? ''}:${activity.from?.aadObjectId ?? activity.from?.id ?? ''}`;
      },
      handler: tooMany,
    }),
  };
}
