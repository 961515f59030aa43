import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JSONWebKeySet } from 'jose';

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** What the issuer publishes at its JWKS endpoint: the public half only. */
  jwks: JSONWebKeySet;
}

/** A fresh RS256 key pair: generated at start, so no key material lives in the repository. */
export async function createSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = await exportJWK(publicKey);
  return { kid, privateKey, jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] } };
}
