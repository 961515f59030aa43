import type { IdentityPerson } from './directory';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
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

export interface ConsentPageModel {
  /** The authorize request; the decision is posted back to the same address. */
  query: URLSearchParams;
  person: IdentityPerson;
}

/** Entra ID's "Permissions requested" page, shown for `prompt=consent`: Accept or Cancel, posted to the same request. */
export function renderConsentPage(model: ConsentPageModel): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Permissions requested</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main>
<h1>Permissions requested</h1>
<p>${escapeHtml(model.person.displayName)} (${escapeHtml(model.person.userPrincipalName)})</p>
<p>Upward would like to read your profile and the people in your organisation, read your mailbox settings and rooms, and read and write your calendar, for you.</p>
<form method="post">
<button type="submit" name="consent_decision" value="accept">Accept</button>
<button type="submit" name="consent_decision" value="decline">Cancel</button>
</form>
</main></body></html>`;
}
