import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A certificate an app registration knows (its public part uploaded under Certificates & secrets),
 * with the private key that signs client assertions, read and checked from its two PEM files. For
 * hosts without a managed identity; see docs/decisions/0042-certificate-where-no-managed-identity.md.
 */
export interface CertificateCredential {
  /** The certificate as PEM (the public part), sent with each assertion as `x5c`. */
  certificatePem: string;
  /** The private key as unencrypted PKCS#8 PEM, as msal-node takes it. */
  privateKeyPem: string;
  /** SHA-256 of the certificate's DER encoding, hex: the assertion's `x5t#S256`, base64url-encoded. */
  thumbprintSha256: string;
  /** SHA-1 thumbprint, upper-case hex: what the Entra admin centre lists for an uploaded certificate. */
  thumbprint: string;
  subject: string;
  notAfter: Date;
}

/** A setting naming a file, as the environment gives it. */
export interface FileSetting {
  name: string;
  path: string;
}

/**
 * Reads a PEM certificate and its PEM private key and checks what Entra ID would otherwise refuse
 * at the first token request: both readable, an RSA key (assertions are RS256 or PS256), the key
 * the certificate's own, and the certificate valid now. Each problem names the setting to fix.
 */
export function readCertificateCredential(certificate: FileSetting, key: FileSetting, now: Date = new Date()): { credential: CertificateCredential; problems: [] } | { credential: null; problems: string[] } {
  const problems: string[] = [];
  const certificateText = readText(certificate, problems);
  const keyText = readText(key, problems);
  let x509: X509Certificate | null = null;
  if (certificateText !== null) {
    try {
      if (!certificateText.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate');
      x509 = new X509Certificate(certificateText);
    } catch {
      problems.push(`${certificate.name}: ${certificate.path} is not a PEM certificate (-----BEGIN CERTIFICATE-----)`);
    }
  }
  let privateKey: KeyObject | null = null;
  if (keyText !== null) {
    try {
      if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(keyText)) throw Object.assign(new Error('encrypted'), { code: 'ERR_MISSING_PASSPHRASE' });
      privateKey = createPrivateKey(keyText);
      if (privateKey.asymmetricKeyType !== 'rsa') {
        problems.push(`${key.name}: must be an RSA private key (client assertions are signed RS256 or PS256), not ${privateKey.asymmetricKeyType}`);
        privateKey = null;
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      problems.push(
        code === 'ERR_MISSING_PASSPHRASE'
          ? `${key.name}: ${key.path} is encrypted; Upward reads the key without a passphrase, so keep it unencrypted in a file only the service's account can read`
          : `${key.name}: ${key.path} is not a PEM private key`,
      );
    }
  }
  if (x509 && privateKey) {
    if (!x509.checkPrivateKey(privateKey)) problems.push(`${key.name}: is not the private key of the certificate in ${certificate.name}`);
    const validFrom = new Date(x509.validFrom);
    const validTo = new Date(x509.validTo);
    if (now < validFrom) problems.push(`${certificate.name}: the certificate is not valid before ${validFrom.toISOString()}`);
    if (now > validTo) problems.push(`${certificate.name}: the certificate expired on ${validTo.toISOString()}; upload a new one to the app registration and point ${certificate.name} and ${key.name} at it`);
  }
  if (problems.length > 0 || !x509 || !privateKey) return { credential: null, problems };
  return {
    credential: {
      certificatePem: x509.toString(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      thumbprintSha256: createHash('sha256').update(x509.raw).digest('hex'),
      thumbprint: createHash('sha1').update(x509.raw).digest('hex').toUpperCase(),
      subject: x509.subject,
      notAfter: new Date(x509.validTo),
    },
    problems: [],
  };
}

function readText(setting: FileSetting, problems: string[]): string | null {
  try {
    return readFileSync(setting.path, 'utf8');
  } catch (error) {
    problems.push(`${setting.name}: cannot read ${setting.path} (${(error as { code?: string }).code ?? (error as Error).message})`);
    return null;
  }
}
