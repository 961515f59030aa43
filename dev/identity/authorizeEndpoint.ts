import type { Request, Response } from 'express';
import type { IdentityDirectory, IdentityPerson } from './directory';
import { requestedAuthContexts, type InteractionRequirements } from './interactionRequirements';
import { renderConsentPage, renderSignInPage } from './signInPage';
import type { SpaGrants } from './spaGrants';
import { isRegisteredRedirectUri, isUpwardUserScope, OIDC_SCOPES } from './spaRegistration';

export interface AuthorizeEndpointConfig {
  clientId: string;
  directory: IdentityDirectory;
  grants: SpaGrants;
  requirements: InteractionRequirements;
  /** The app registration's single-page-application redirect URIs. */
  spaRedirectUris: readonly string[];
}

const SEARCH_LIMIT = 50;
/** Base64url of a SHA-256 digest: what `code_challenge_method=S256` sends. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

function errorPage(res: Response, aadsts: number, message: string): void {
  res.status(400).type('text/plain').send(`AADSTS${aadsts}: ${message}`);
}

/** Sends the answer back to the app, in the fragment or the query as `response_mode` asked (fragment for SPAs by default here). */
function answer(res: Response, redirectUri: string, query: URLSearchParams, fields: Record<string, string>): void {
  const params = new URLSearchParams(fields);
  const state = query.get('state');
  if (state) params.set('state', state);
  const separator = query.get('response_mode') === 'query' ? (redirectUri.includes('?') ? '&' : '?') : '#';
  res.redirect(302, `${redirectUri}${separator}${params.toString()}`);
}

function answerError(res: Response, redirectUri: string, query: URLSearchParams, error: string, aadsts: number, description: string): void {
  answer(res, redirectUri, query, { error, error_description: `AADSTS${aadsts}: ${description}`, error_uri: `https://login.microsoftonline.com/error?code=${aadsts}` });
}

/** Everything Entra ID checks before it shows anyone a page; a message for the app, or null when the request may go on. */
function refusal(query: URLSearchParams, clientId: string): { error: string; aadsts: number; description: string } | null {
  const responseTypes = (query.get('response_type') ?? '').split(/\s+/).filter(Boolean);
  // Upward's registration has oauth2AllowImplicitFlow and oauth2AllowIdTokenImplicitFlow set to false.
  if (responseTypes.includes('token')) return { error: 'unsupported_response_type', aadsts: 700051, description: "response_type 'token' is not enabled for the application." };
  if (responseTypes.includes('id_token')) return { error: 'unsupported_response_type', aadsts: 700054, description: "response_type 'id_token' is not enabled for the application." };
  if (responseTypes.join(' ') !== 'code') {
    return { error: 'unsupported_response_type', aadsts: 900144, description: "The provided value for the input parameter 'response_type' is not valid. Expected value: 'code'." };
  }
  const mode = query.get('response_mode') ?? 'fragment';
  if (mode !== 'fragment' && mode !== 'query') return { error: 'invalid_request', aadsts: 900144, description: `response_mode '${mode}' is not supported here; use fragment or query.` };
  const challenge = query.get('code_challenge');
  if (!challenge) return { error: 'invalid_request', aadsts: 9002325, description: 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.' };
  if (query.get('code_challenge_method') !== 'S256' || !S256_CHALLENGE.test(challenge)) {
    return { error: 'invalid_request', aadsts: 501491, description: "Invalid size of Code_Challenge parameter, or code_challenge_method is not 'S256'." };
  }
  const apiScopes = (query.get('scope') ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
  if (apiScopes.some((s) => !isUpwardUserScope(s, clientId))) {
    return { error: 'invalid_scope', aadsts: 70011, description: `The provided value for the input parameter 'scope' is not valid. This stand-in issues tokens to the tab for Upward's access_as_user only, not '${apiScopes.join(' ')}'.` };
  }
  return null;
}

/**
 * `/oauth2/v2.0/authorize`: the authorization code flow with PKCE for Upward's single-page app.
 * The "sign in as" page picks the person (no password: this is a stand-in), the consent page asks
 * for consent when the app sends `prompt=consent`, and the app gets a single-use code bound to the
 * client, the redirect URI and the PKCE challenge. The implicit flow is refused as Entra ID refuses
 * it for a registration without it.
 */
export function authorizeEndpoint(config: AuthorizeEndpointConfig) {
  return (req: Request, res: Response) => {
    const query = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
    // The consent page posts its decision together with the original request.
    for (const [name, value] of Object.entries((req.body ?? {}) as Record<string, string>)) query.set(name, value);
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== config.clientId) {
      errorPage(res, 700016, `Application with identifier '${query.get('client_id') ?? ''}' was not found in the directory.`);
      return;
    }
    // Never redirect to an address the registration does not list: that would hand codes to anyone.
    if (!isRegisteredRedirectUri(redirectUri, config.spaRedirectUris)) {
      errorPage(res, 50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application.`);
      return;
    }
    const refused = refusal(query, config.clientId);
    if (refused) return answerError(res, redirectUri, query, refused.error, refused.aadsts, refused.description);
    // The stand-in keeps no sign-in session, so a silent request always needs the person.
    if (query.get('prompt') === 'none') return answerError(res, redirectUri, query, 'login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');

    const hint = query.get('login_hint');
    const person = hint ? config.directory.findPerson(hint) : undefined;
    if (!person) return showSignInPage(res, query, config.directory);
    if (query.get('prompt') === 'consent') {
      const decision = query.get('consent_decision');
      if (!decision) {
        res.type('html').send(renderConsentPage({ query, person }));
        return;
      }
      if (decision !== 'accept') return answerError(res, redirectUri, query, 'access_denied', 65004, 'User declined to consent to access the app.');
      config.requirements.grantConsent(person.id);
    }
    sendCode(res, config, query, person, redirectUri);
  };
}

function showSignInPage(res: Response, query: URLSearchParams, directory: IdentityDirectory): void {
  const search = query.get('q') ?? '';
  res.type('html').send(
    renderSignInPage({ query, search, featured: directory.featuredPeople(), results: search ? directory.searchPeople(search, SEARCH_LIMIT) : [] }),
  );
}

function sendCode(res: Response, config: AuthorizeEndpointConfig, query: URLSearchParams, person: IdentityPerson, redirectUri: string): void {
  const code = config.grants.issueCode({
    clientId: config.clientId,
    personId: person.id,
    redirectUri,
    scopes: (query.get('scope') ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s)),
    // The stand-in's sign-in counts as the step-up the claims asked for (an MFA prompt in Entra ID).
    authContexts: requestedAuthContexts(query.get('claims')),
    codeChallenge: query.get('code_challenge')!,
    nonce: query.get('nonce') ?? undefined,
  });
  answer(res, redirectUri, query, { code });
}
