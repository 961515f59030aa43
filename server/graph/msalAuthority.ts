/** Hosts of Entra ID's public and national clouds, where MSAL knows the instance and discovers the rest itself. */
const microsoftAuthorityHosts = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

/** The authority part of an MSAL configuration for one tenant. */
export interface MsalAuthority {
  authority: string;
  knownAuthorities?: string[];
  authorityMetadata?: string;
}

type Fetch = typeof fetch;

/**
 * MSAL settings for a tenant's authority. For a Microsoft cloud, MSAL does instance and endpoint
 * discovery itself. For any other OpenID Connect issuer (the local stand-in, a test issuer), MSAL
 * would ask login.microsoftonline.com to validate the instance and insists on an https authority,
 * so Upward reads the issuer's discovery document once and hands it to MSAL as authority metadata,
 * names the host as a known authority, and gives MSAL the https spelling of the authority, which
 * it then uses only as a cache key: every request goes to the endpoints of the discovery document.
 * See docs/decisions/0013-msal-authority-for-other-issuers.md.
 */
export async function msalAuthorityFor(authorityHost: string, tenantId: string, fetchImpl: Fetch = fetch): Promise<MsalAuthority> {
  const host = new URL(authorityHost);
  const authority = `${authorityHost}/${tenantId}`;
  if (host.protocol === 'https:' && microsoftAuthorityHosts.has(host.hostname.toLowerCase())) return { authority };

  const discoveryUrl = `${authority}/v2.0/.well-known/openid-configuration`;
  const response = await fetchImpl(discoveryUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`The OpenID discovery document at ${discoveryUrl} answered ${response.status}; check ENTRA_AUTHORITY_HOST.`);
  const metadata = (await response.json()) as Record<string, unknown>;
  if (typeof metadata.token_endpoint !== 'string' || typeof metadata.issuer !== 'string') {
    throw new Error(`The document at ${discoveryUrl} is not an OpenID discovery document (no token_endpoint or issuer).`);
  }
  const httpsAuthority = new URL(authority);
  httpsAuthority.protocol = 'https:';
  return {
    authority: httpsAuthority.toString(),
    knownAuthorities: [httpsAuthority.host],
    authorityMetadata: JSON.stringify(metadata),
  };
}
