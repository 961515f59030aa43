import { UPWARD_APP_ID_URI, UPWARD_USER_SCOPE } from '../demoOrg/tenant';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Entra ID sends codes only to a redirect URI registered for the app, compared exactly, except that
 * on loopback hosts it ignores the port (RFC 8252): `http://127.0.0.1/x` covers `http://127.0.0.1:5173/x`.
 */
export function isRegisteredRedirectUri(uri: string, registered: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash !== '') return false;
  return registered.some((entry) => {
    const allowed = new URL(entry);
    if (LOOPBACK_HOSTS.has(url.hostname) && url.hostname === allowed.hostname) {
      return url.protocol === allowed.protocol && url.pathname === allowed.pathname && url.search === allowed.search;
    }
    return url.href === allowed.href;
  });
}

/** Scopes that ask for sign-in features rather than an API; Entra ID leaves them out of access tokens. */
export const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/**
 * Upward's API scope, named by its Application ID URI or by its client id (Entra ID accepts both
 * spellings of the resource): `api://localhost/<id>/access_as_user` or `<id>/access_as_user`.
 */
export function isUpwardUserScope(scope: string, clientId: string): boolean {
  return scope === `${UPWARD_APP_ID_URI}/${UPWARD_USER_SCOPE}` || scope === `${clientId}/${UPWARD_USER_SCOPE}`;
}
