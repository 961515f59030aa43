import { discoveryUrl, isMicrosoftCloudAuthority, msalAuthorityFromDiscovery, type MsalAuthority } from '../../../shared/auth/msalAuthority';

/** What the service publishes at /auth/config.json: where to sign in, as whom, for which scope. */
export interface PublishedSignInConfig {
  authority: string;
  clientId: string;
  scope: string;
}

export interface SignInConfig extends MsalAuthority {
  clientId: string;
  scope: string;
}

/**
 * The sign-in settings come only from the service that served the tab (never from the address, so
 * no link can send a signed-out person to another "sign-in" page). For an issuer that is not a
 * Microsoft cloud (the local identity stand-in) MSAL gets the issuer's discovery document, as the
 * service's own MSAL does (docs/decisions/0013).
 */
export async function loadSignInConfig(): Promise<SignInConfig> {
  const published = await fetch('/auth/config.json').then((r) => (r.ok ? (r.json() as Promise<Partial<PublishedSignInConfig>>) : null), () => null);
  if (!published?.authority || !published.clientId || !published.scope) {
    throw new Error('The service did not publish its sign-in settings at /auth/config.json.');
  }
  const { authority, clientId, scope } = published as PublishedSignInConfig;
  if (isMicrosoftCloudAuthority(authority)) return { authority, clientId, scope };
  const metadata = await fetch(discoveryUrl(authority)).then((r) => (r.ok ? (r.json() as Promise<Record<string, unknown>>) : null), () => null);
  if (!metadata) throw new Error(`The identity provider's discovery document at ${discoveryUrl(authority)} did not answer.`);
  return { ...msalAuthorityFromDiscovery(authority, metadata), clientId, scope };
}
