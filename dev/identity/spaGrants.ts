import { randomBytes } from 'node:crypto';

/** What an interactive sign-in granted the single-page app: who, for which scopes, and how they signed in. */
export interface SpaSignIn {
  clientId: string;
  personId: string;
  /** The API scopes granted, as the client spelled them (OpenID scopes left out). */
  scopes: readonly string[];
  /** Conditional Access authentication contexts satisfied at sign-in (`acrs`). */
  authContexts: readonly string[];
}

export interface AuthorizationCodeGrant extends SpaSignIn {
  redirectUri: string;
  /** PKCE: the S256 challenge the authorize request carried. */
  codeChallenge: string;
  nonce?: string;
}

export type Redemption<T> = { ok: true; grant: T; expiresAt: number } | { ok: false; reason: 'unknown' | 'redeemed' | 'expired' };

/** Entra ID's authorization codes live about ten minutes; SPA refresh tokens a fixed 24 hours. */
export const CODE_LIFETIME_SECONDS = 600;
export const SPA_REFRESH_TOKEN_LIFETIME_SECONDS = 86_400;

export interface SpaGrants {
  issueCode(grant: AuthorizationCodeGrant): string;
  /** A code is good once: the first redemption takes it, any later one is told it was redeemed. */
  redeemCode(code: string): Redemption<AuthorizationCodeGrant>;
  /** A rotated token keeps the first one's expiry (`expiresAt`): a SPA's sign-in lasts 24 hours, however often it refreshes. */
  issueRefreshToken(signIn: SpaSignIn, expiresAt?: number): { token: string; expiresIn: number };
  useRefreshToken(token: string): Redemption<SpaSignIn>;
}

interface Stored<T> {
  grant: T;
  expiresAt: number;
  redeemed: boolean;
}

const opaque = () => randomBytes(48).toString('base64url');

/** Codes and refresh tokens the identity stand-in issued to single-page apps, held in memory. */
export function createSpaGrants(clock: () => number = () => Math.floor(Date.now() / 1000)): SpaGrants {
  const codes = new Map<string, Stored<AuthorizationCodeGrant>>();
  const refreshTokens = new Map<string, Stored<SpaSignIn>>();

  function take<T>(store: Map<string, Stored<T>>, key: string, singleUse: boolean): Redemption<T> {
    const stored = store.get(key);
    if (!stored) return { ok: false, reason: 'unknown' };
    if (stored.redeemed) return { ok: false, reason: 'redeemed' };
    if (clock() >= stored.expiresAt) {
      store.delete(key);
      return { ok: false, reason: 'expired' };
    }
    if (singleUse) stored.redeemed = true;
    return { ok: true, grant: stored.grant, expiresAt: stored.expiresAt };
  }

  return {
    issueCode(grant) {
      const code = opaque();
      codes.set(code, { grant, expiresAt: clock() + CODE_LIFETIME_SECONDS, redeemed: false });
      return code;
    },
    redeemCode: (code) => take(codes, code, true),
    issueRefreshToken(signIn, expiresAt = clock() + SPA_REFRESH_TOKEN_LIFETIME_SECONDS) {
      const token = opaque();
      refreshTokens.set(token, { grant: signIn, expiresAt, redeemed: false });
      return { token, expiresIn: expiresAt - clock() };
    },
    useRefreshToken: (token) => take(refreshTokens, token, false),
  };
}
