import { SignJWT } from 'jose';
import { UPWARD_APP_ID_URI, UPWARD_USER_SCOPE } from '../demoOrg/tenant';
import type { IdentityPerson } from '../identity/directory';
import type { SigningKeys } from '../identity/signingKeys';
import { accessTokenLifetimeSeconds, type TokenIssuer } from '../identity/tokenIssuer';

export interface HostTokenDeps {
  issuer: TokenIssuer;
  keys: SigningKeys;
  clientId: string;
  tenantId: string;
}

const ID_TOKEN_LIFETIME_SECONDS = 3600;

/** Why the host cannot hand out a token without asking the person first. */
export type InteractionNeeded = 'consent' | 'mfa';

/** The names by which a tab may ask for Upward's API scope: its client id, `api://<client id>` or its Application ID URI. */
export function isUpwardScope(scope: string, clientId: string): boolean {
  const slash = scope.lastIndexOf('/');
  if (slash < 0 || scope.slice(slash + 1) !== UPWARD_USER_SCOPE) return false;
  return [clientId, `api://${clientId}`, UPWARD_APP_ID_URI].includes(scope.slice(0, slash));
}

/**
 * The tokens Teams hands a tab: an access token for Upward (`access_as_user`) from the identity
 * stand-in's issuer, and for nested app authentication an ID token for the same person.
 */
export function hostTokens(deps: HostTokenDeps) {
  return {
    /** An access token with Entra ID's random default lifetime, and that lifetime (for `expires_in`). */
    async accessToken(person: IdentityPerson): Promise<{ token: string; lifetimeSeconds: number }> {
      const lifetimeSeconds = accessTokenLifetimeSeconds();
      return { token: await deps.issuer.issueToken(person.id, { lifetimeSeconds }), lifetimeSeconds };
    },
    idToken(person: IdentityPerson): Promise<string> {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ tid: deps.tenantId, oid: person.id, sub: person.id, name: person.displayName, preferred_username: person.userPrincipalName, ver: '2.0' })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: deps.keys.kid })
        .setIssuer(deps.issuer.issuer)
        .setAudience(deps.clientId)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + ID_TOKEN_LIFETIME_SECONDS)
        .sign(deps.keys.privateKey);
    },
  };
}

export type HostTokens = ReturnType<typeof hostTokens>;
