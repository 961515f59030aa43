import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { adminRole, type Caller, userScope } from './caller';

export interface TokenValidatorOptions {
  authorityHost: string;
  clientId: string;
  allowedTenants: readonly string[];
  /** Allowed clock skew in seconds. */
  clockToleranceSeconds?: number;
}

export class TokenRejected extends Error {}

/**
 * Validates Entra ID v2 access tokens for Upward: RS256 signature against the tenant's published
 * keys, issuer of that tenant, audience of Upward, expiry and not-before, an allowed tenant, and
 * the access_as_user scope. The tenant is read from the unverified token only to choose which
 * keys and issuer to check against; nothing is trusted before the signature is.
 */
export function createTokenValidator(options: TokenValidatorOptions) {
  const allowed = new Set(options.allowedTenants.map((t) => t.toLowerCase()));
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const audiences = [options.clientId, `api://${options.clientId}`];

  function keysFor(tenantId: string) {
    let keys = keySets.get(tenantId);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(`${options.authorityHost}/${tenantId}/discovery/v2.0/keys`), {
        cooldownDuration: 30_000,
        timeoutDuration: 5_000,
      });
      keySets.set(tenantId, keys);
    }
    return keys;
  }

  return async function validate(token: string): Promise<Caller> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new TokenRejected('the token is not a JWT');
    }
    const tenantId = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
    if (!allowed.has(tenantId)) throw new TokenRejected('the token is for a tenant Upward does not serve');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keysFor(tenantId), {
        algorithms: ['RS256'],
        issuer: `${options.authorityHost}/${tenantId}/v2.0`,
        audience: audiences,
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw new TokenRejected(`the token was refused: ${error.code}`);
      throw error;
    }
    if (payload.tid !== unverified.tid) throw new TokenRejected('the token tenant changed');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(userScope)) throw new TokenRejected(`the token lacks the ${userScope} scope`);
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    return {
      tenantId,
      userId: String(payload.oid),
      name: typeof payload.name === 'string' ? payload.name : '',
      username: typeof payload.preferred_username === 'string' ? payload.preferred_username : '',
      roles,
      isAdmin: roles.includes(adminRole),
      accessToken: token,
    };
  };
}

export type TokenValidator = ReturnType<typeof createTokenValidator>;
