import type { IdentityPerson } from './directory';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Tokens go only to pages on this machine: an open redirect here would hand tokens to anyone. */
export function isAllowedRedirectUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) && url.hash === '';
  } catch {
    return false;
  }
}

export interface SignInPageModel {
  /** The authorize URL's own query, kept on every link so the choice returns to the same client. */
  query: URLSearchParams;
  featured: readonly IdentityPerson[];
  results: readonly IdentityPerson[];
  search: string;
}

function personItem(person: IdentityPerson, query: URLSearchParams): string {
  const params = new URLSearchParams(query);
  params.delete('q');
  params.set('login_hint', person.id);
  const details = [person.jobTitle, person.userPrincipalName, person.roles.length > 0 ? person.roles.join(', ') : undefined]
    .filter((d): d is string => Boolean(d))
    .join(' · ');
  return `<li><a href="?${escapeHtml(params.toString())}">${escapeHtml(person.displayName)}</a> <small>${escapeHtml(details)}</small></li>`;
}

/** A plain server-rendered page (no script): every value is escaped, nothing is built in the browser. */
export function renderSignInPage(model: SignInPageModel): string {
  const hidden = [...model.query.entries()]
    .filter(([name]) => name !== 'q' && name !== 'login_hint')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const list = (people: readonly IdentityPerson[]) => `<ul>${people.map((p) => personItem(p, model.query)).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to the Upward demo tenant</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main>
<h1>Sign in as a demo person</h1>
<p>This is the local identity stand-in. Choose who you are; no password is needed.</p>
<h2>Demo personas</h2>${list(model.featured)}
<h2>Everyone else</h2>
<form method="get">${hidden}<label for="q">Find a person</label> <input id="q" name="q" value="${escapeHtml(model.search)}"> <button type="submit">Search</button></form>
${list(model.results)}
</main></body></html>`;
}
