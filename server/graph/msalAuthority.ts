import { discoveryUrl, isMicrosoftCloudAuthority, msalAuthorityFromDiscovery, type MsalAuthority } from '../../shared/auth/msalAuthority';

type Fetch = typeof fetch;

/**
 * MSAL settings for a tenant's authority. For a Microsoft cloud, MSAL does instance and endpoint
 * discovery itself; for any other OpenID Connect issuer Upward reads the issuer's discovery
 * document once and hands it to MSAL (see shared/auth/msalAuthority.ts and docs/decisions/0013).
 */
export async function msalAuthorityFor(authorityHost: string, tenantId: string, fetchImpl: Fetch = fetch): Promise<MsalAuthority> {
  const authority = `${authorityHost}/${tenantId}`;
  if (isMicrosoftCloudAuthority(authority)) return { authority };
  const url = discoveryUrl(authority);
  const response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`The OpenID discovery document at ${url} answered ${response.status}; check ENTRA_AUTHORITY_HOST.`);
  return msalAuthorityFromDiscovery(authority, (await response.json()) as Record<string, unknown>);
}
