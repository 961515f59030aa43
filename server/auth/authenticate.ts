import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../http/errors';
import type { Caller } from './caller';
import { TokenRejected, type TokenValidator } from './tokenValidator';

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

/** Every /api request carries a bearer token; nothing past this runs without a proven caller. */
export function authenticate(validate: TokenValidator) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match?.[1]) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return next(new ApiError('unauthenticated'));
    }
    try {
      req.caller = await validate(match[1]);
      next();
    } catch (error) {
      if (error instanceof TokenRejected) {
        res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        return next(new ApiError('unauthenticated'));
      }
      next(error);
    }
  };
}

/** The caller of an authenticated request. */
export function callerOf(req: Request): Caller {
  if (!req.caller) throw new ApiError('unauthenticated');
  return req.caller;
}
