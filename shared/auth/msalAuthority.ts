/** Hosts of Entra ID's public and national clouds, where MSAL knows the instance and discovers the rest itself. */
const microsoftAuthorityHosts = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

/** The authority part of an MSAL configuration (msal-node and msal-browser take the same fields). */
export interface MsalAuthority {
  authority: string;
  knownAuthorities?: string[];
  authorityMetadata?: string;
}

/** True for an Entra ID cloud, where MSAL needs nothing but the authority. */
export function isMicrosoftCloudAuthority(authority: string): boolean {
  const url = new URL(authority);
  return url.protocol === 'https:' && microsoftAuthorityHosts.has(url.hostname.toLowerCase());
}

/** Where an OpenID Connect issuer publishes its discovery document. */
export const discoveryUrl = (authority: string) => `${authority.replace(/\/+$/, '')}/v2.0/.well-known/openid-configuration`;

/**
 * MSAL settings for an issuer that is not a Microsoft cloud (the local stand-in, a test issuer),
 * from its discovery document. MSAL would ask login.microsoftonline.com to validate the instance and
 * insists on an https authority, so it gets the document as authority metadata, the host as a known
 * authority, and the https spelling of the authority, which it then uses only as a cache key: every
 * request goes to the endpoints of the document. See docs/decisions/0013-msal-authority-for-other-issuers.md.
 */
export function msalAuthorityFromDiscovery(authority: string, metadata: Record<string, unknown>): MsalAuthority {
  if (typeof metadata.token_endpoint !== 'string' || typeof metadata.issuer !== 'string') {
    throw new Error(`The document at ${discoveryUrl(authority)} is not an OpenID discovery document (no token_endpoint or issuer).`);
  }
  const httpsAuthority = new URL(authority.replace(/\/+$/, ''));
  httpsAuthority.protocol = 'https:';
  return { authority: httpsAuthority.toString(), knownAuthorities: [httpsAuthority.host], authorityMetadata: JSON.stringify(metadata) };
}
