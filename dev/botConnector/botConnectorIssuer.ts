import { randomUUID } from 'node:crypto';
import express from 'express';
import { SignJWT, createLocalJWKSet, generateKeyPair, jwtVerify } from 'jose';
import { BOT_FRAMEWORK_RESOURCE } from '../identity/managedIdentity';
import { createSigningKeys, type SigningKeys } from '../identity/signingKeys';

/** Where the Bot Connector stand-in is mounted on the Microsoft 365 stand-in's server. */
export const BOT_CONNECTOR_PATH = '/botframework.com';

export interface ActivityTokenOptions {
  /** The bot's app id (for a managed-identity bot, the identity's client id). */
  audience: string;
  /** The conversation's service URL, which the token vouches for (`serviceurl` claim). */
  serviceUrl: string;
  /** Negative tests: another issuer, or a key nobody published. */
  issuer?: string;
  signedBy?: 'connector' | 'unknown-key';
  lifetimeSeconds?: number;
}

export interface BotConnectorIssuer {
  /** The `iss` of its tokens; configured as the bot connection's trusted issuer. */
  issuer: string;
  /** The authority the Agents SDK derives the signing keys' address from (`<authority>/discovery/v2.0/keys`). */
  authority: string;
  router: express.Router;
  /** The bearer token the Bot Connector puts on an activity it posts to a bot. */
  issueActivityToken(options: ActivityTokenOptions): Promise<string>;
  /**
   * Whether a bot's post to a conversation carries what the Bot Connector requires: an Entra ID
   * token for the Bot Framework, issued to the bot's own app id (here, its managed identity's).
   */
  acceptsBotPost(authorization: string | undefined, botAppId: string): Promise<boolean>;
}

/**
 * The Bot Connector's side of the Bot Framework protocol: it signs the activities it posts to bots
 * with its own keys, published like login.botframework.com's (OpenID metadata and a key set), and
 * its tokens carry what the real ones do: `iss`, `aud` (the bot's app id), `serviceurl`, lifetime.
 */
export async function createBotConnectorIssuer(baseUrl: string, entra: { issuer: string; keys: SigningKeys }): Promise<BotConnectorIssuer> {
  const keys = await createSigningKeys();
  const entraKeys = createLocalJWKSet(entra.keys.jwks);
  const authority = `${baseUrl}${BOT_CONNECTOR_PATH}`;
  const issuer = authority;
  let unknownKey: CryptoKey | undefined;

  const router = express.Router();
  router.get('/v1/.well-known/openidconfiguration', (_req, res) => {
    res.json({
      issuer,
      authorization_endpoint: `${authority}/v1/.well-known/authorize`,
      jwks_uri: `${authority}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    });
  });
  // The SDK fetches keys of issuers other than api.botframework.com from their authority's Entra-style path.
  router.get(['/v1/.well-known/keys', '/discovery/v2.0/keys'], (_req, res) => {
    res.json({ keys: keys.jwks.keys.map((key) => ({ ...key, endorsements: ['msteams'] })) });
  });

  return {
    issuer,
    authority,
    router,
    async acceptsBotPost(authorization, botAppId) {
      const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      if (!token) return false;
      try {
        const { payload } = await jwtVerify(token, entraKeys, { issuer: entra.issuer, audience: BOT_FRAMEWORK_RESOURCE, algorithms: ['RS256'] });
        return payload.appid === botAppId;
      } catch {
        return false;
      }
    },
    async issueActivityToken(options) {
      let key = keys.privateKey;
      if (options.signedBy === 'unknown-key') {
        unknownKey ??= (await generateKeyPair('RS256')).privateKey;
        key = unknownKey;
      }
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl: options.serviceUrl, jti: randomUUID() })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.kid })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + (options.lifetimeSeconds ?? 3600))
        .sign(key);
    },
  };
}
