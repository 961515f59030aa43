/** Entra ID's public cloud, which the Agents SDK's certificate connection asks for tokens by default. */
const ENTRA_PUBLIC_CLOUD = 'login.microsoftonline.com';

/**
 * Puts login.microsoftonline.com in front of the stand-in for this process's fetch, as a hosts-file
 * entry and a TLS-terminating proxy would: each https request to that host goes to the stand-in
 * with its path, query and body, and with X-Forwarded-Host and X-Forwarded-Proto, so the stand-in
 * knows the address the client used (a certificate-signed client assertion names it as audience).
 * For code that builds its authority itself from the public cloud (the Agents SDK's certificate
 * connection, whose msal-node takes only an https authority it knows); Upward's own code reaches
 * the stand-in through ENTRA_AUTHORITY_HOST and needs none of this. Returns the undo.
 */
export function putEntraInFrontOf(standIn: { url: string }): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:' || url.hostname !== ENTRA_PUBLIC_CLOUD) return original(input, init);
    const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
    headers.set('x-forwarded-host', url.host);
    headers.set('x-forwarded-proto', 'https');
    const target = `${standIn.url}${url.pathname}${url.search}`;
    return input instanceof Request ? original(new Request(target, input), { ...init, headers }) : original(target, { ...init, headers });
  };
  return () => {
    globalThis.fetch = original;
  };
}
