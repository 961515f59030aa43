import { createHash, randomBytes, randomInt } from 'node:crypto';
import { SignJWT, createLocalJWKSet, generateKeyPair, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import {
  GRAPH_RESOURCE,
  UPWARD_APP_ID_URI,
  UPWARD_GRAPH_APP_ROLES,
  UPWARD_GRAPH_DELEGATED_SCOPES,
  UPWARD_SERVICE_PRINCIPAL_ID,
  UPWARD_USER_SCOPE,
} from '../demoOrg/tenant';
import type { IdentityDirectory, IdentityPerson } from './directory';
import { BOT_FRAMEWORK_RESOURCE } from './managedIdentity';
import type { SigningKeys } from './signingKeys';

export interface TokenIssuerConfig {
  /** Origin of the stand-in, for example `http://127.0.0.1:5100` (no trailing slash). */
  baseUrl: string;
  tenantId: string;
  clientId: string;
  keys: SigningKeys;
  directory: IdentityDirectory;
  /** Seconds since the epoch; injectable so tests can mint tokens at a chosen time. */
  clock?: () => number;
}

export interface UserTokenOptions {
  /** Defaults to the Upward client id (the `aud` of Entra ID v2 access tokens for an API). */
  audience?: string;
  /** Defaults to `access_as_user` for Upward, and Upward's consented Graph scopes for Graph. */
  scopes?: readonly string[];
  /** Defaults to the person's app roles when the audience is Upward, none otherwise. */
  roles?: readonly string[];
  lifetimeSeconds?: number;
  /** Conditional Access authentication contexts the sign-in satisfied (the `acrs` claim), such as `c1` after MFA. */
  authContexts?: readonly string[];
  /** How the client that asked proved itself (the `azpacr` claim); a public client, like the tab, when absent. */
  clientAuthentication?: ClientAuthenticationMethod;
  /** Capabilities the client declared in the request's `claims` (the `xms_cc` claim), such as `cp1` for Continuous Access Evaluation. */
  clientCapabilities?: readonly string[];
  /** Issue time in epoch seconds (defaults to now); with a past time and a short lifetime the token is expired. */
  issuedAt?: number;
  notBefore?: number;
  /** Overrides for negative tests: a token claiming another tenant or issuer, or signed by a key nobody published. */
  tenantId?: string;
  issuer?: string;
  signedBy?: 'issuer' | 'unknown-key';
}

export interface AppTokenOptions {
  audience?: string;
  roles?: readonly string[];
  lifetimeSeconds?: number;
  /** How the app proved itself; a certificate or federated assertion when absent (Upward's registration has no secret). */
  clientAuthentication?: ClientAuthenticationMethod;
  /** The app registration the token is for; Upward's when absent. */
  app?: { clientId: string; servicePrincipalId: string };
}

export interface TokenIssuer {
  /** `<base>/<tenant>/v2.0`, the `iss` of every token. */
  issuer: string;
  issueToken(userId: string, options?: UserTokenOptions): Promise<string>;
  /** An OpenID Connect id token for Upward's client, carrying the sign-in request's nonce. */
  issueIdToken(userId: string, options: { nonce?: string; lifetimeSeconds?: number }): Promise<string>;
  issueAppToken(options?: AppTokenOptions): Promise<string>;
  /** Verifies a token this issuer signed (signature, issuer, audience, lifetime); throws otherwise. */
  verify(token: string, audience: string | readonly string[]): Promise<JWTPayload>;
}

/** How a client authenticated at the token endpoint: none (a public client), a secret, or an assertion (certificate or federated credential). */
export type ClientAuthenticationMethod = 'public' | 'secret' | 'assertion';

/** The access token claim `azpacr` documents: 0 public client, 1 client secret, 2 certificate (or other assertion). */
const AZPACR: Record<ClientAuthenticationMethod, string> = { public: '0', secret: '1', assertion: '2' };

/**
 * Entra ID gives an access token a random default lifetime between 60 and 90 minutes (75 on
 * average), so clients cannot all renew at once; `expires_in` must then say the same.
 */
export function accessTokenLifetimeSeconds(): number {
  return randomInt(60 * 60, 90 * 60 + 1);
}

const ID_TOKEN_LIFETIME_SECONDS = 3600;

/** Microsoft's resources whose tokens Entra ID issues in the v1 format, which names the client in `appid`. */
const V1_RESOURCES = [GRAPH_RESOURCE, BOT_FRAMEWORK_RESOURCE];

/** Opaque claims Entra ID stamps for its own reuse (`aio`, `rh`): present and unreadable, as there. */
const opaque = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Entra ID's `sub` is pairwise (per person and app), unlike `oid`; a hash keeps it stable here. */
function pairwiseSubject(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}:${clientId}`).digest('base64url').slice(0, 43);
}

/** Audiences by which Upward is known: its client id (what v2 tokens carry) and its Application ID URI. */
export function upwardAudiences(clientId: string): string[] {
  return [clientId, UPWARD_APP_ID_URI];
}

export function createTokenIssuer(config: TokenIssuerConfig): TokenIssuer {
  const { baseUrl, tenantId, clientId, keys, directory } = config;
  const clock = config.clock ?? (() => Math.floor(Date.now() / 1000));
  const issuer = `${baseUrl}/${tenantId}/v2.0`;
  const jwks = createLocalJWKSet(keys.jwks);
  let unknownKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'] | undefined;

  async function sign(claims: JWTPayload, options: { issuedAt?: number; notBefore?: number; lifetimeSeconds?: number; signedBy?: 'issuer' | 'unknown-key' }) {
    const iat = options.issuedAt ?? clock();
    const nbf = options.notBefore ?? iat;
    const exp = iat + (options.lifetimeSeconds ?? ID_TOKEN_LIFETIME_SECONDS);
    let key = keys.privateKey;
    if (options.signedBy === 'unknown-key') {
      unknownKey ??= (await generateKeyPair('RS256')).privateKey;
      key = unknownKey;
    }
    return new SignJWT({ ...claims, iat, nbf, exp, aio: opaque(48), rh: `0.${opaque(40)}.`, uti: opaque(16), ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.kid })
      .sign(key);
  }

  function defaultScopes(audience: string): readonly string[] {
    return audience === GRAPH_RESOURCE ? UPWARD_GRAPH_DELEGATED_SCOPES : [UPWARD_USER_SCOPE];
  }

  async function issueToken(userId: string, options: UserTokenOptions = {}): Promise<string> {
    const person: IdentityPerson | undefined = directory.findPerson(userId);
    if (!person) throw new Error(`No person ${userId} in the demo directory`);
    const audience = options.audience ?? clientId;
    const isUpward = upwardAudiences(clientId).includes(audience);
    const roles = options.roles ?? (isUpward ? person.roles : []);
    const tid = options.tenantId ?? tenantId;
    return sign(
      {
        iss: options.issuer ?? `${baseUrl}/${tid}/v2.0`,
        aud: audience,
        tid,
        oid: person.id,
        sub: pairwiseSubject(person.id, clientId),
        azp: clientId,
        azpacr: AZPACR[options.clientAuthentication ?? 'public'],
        idtyp: 'user',
        name: person.displayName,
        preferred_username: person.userPrincipalName,
        scp: (options.scopes ?? defaultScopes(audience)).join(' '),
        ...(roles.length > 0 ? { roles: [...roles] } : {}),
        ...(options.authContexts?.length ? { acrs: [...options.authContexts] } : {}),
        ...(options.clientCapabilities?.length ? { xms_cc: [...options.clientCapabilities] } : {}),
      },
      { ...options, lifetimeSeconds: options.lifetimeSeconds ?? accessTokenLifetimeSeconds() },
    );
  }

  async function issueIdToken(userId: string, options: { nonce?: string; lifetimeSeconds?: number }): Promise<string> {
    const person = directory.findPerson(userId);
    if (!person) throw new Error(`No person ${userId} in the demo directory`);
    return sign(
      {
        iss: issuer,
        aud: clientId,
        tid: tenantId,
        oid: person.id,
        sub: pairwiseSubject(person.id, clientId),
        name: person.displayName,
        preferred_username: person.userPrincipalName,
        ...(options.nonce ? { nonce: options.nonce } : {}),
      },
      options,
    );
  }

  async function issueAppToken(options: AppTokenOptions = {}): Promise<string> {
    const audience = options.audience ?? GRAPH_RESOURCE;
    const roles = options.roles ?? (audience === GRAPH_RESOURCE ? UPWARD_GRAPH_APP_ROLES : []);
    const app = options.app ?? { clientId, servicePrincipalId: UPWARD_SERVICE_PRINCIPAL_ID };
    return sign(
      {
        iss: issuer,
        aud: audience,
        tid: tenantId,
        oid: app.servicePrincipalId,
        sub: app.servicePrincipalId,
        // v2 tokens name the client in azp, v1 tokens (Graph's, the Bot Framework's) in appid; the Bot Connector reads appid.
        // A registration's own API gets v2 tokens only, so no appid there.
        azp: app.clientId,
        ...(V1_RESOURCES.includes(audience) ? { appid: app.clientId } : {}),
        azpacr: AZPACR[options.clientAuthentication ?? 'assertion'],
        idtyp: 'app',
        ...(roles.length > 0 ? { roles: [...roles] } : {}),
      },
      { ...options, lifetimeSeconds: options.lifetimeSeconds ?? accessTokenLifetimeSeconds() },
    );
  }

  async function verify(token: string, audience: string | readonly string[]): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, jwks, {
      issuer,
      audience: typeof audience === 'string' ? audience : [...audience],
      algorithms: ['RS256'],
    });
    return payload;
  }

  return { issuer, issueToken, issueIdToken, issueAppToken, verify };
}
