import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export interface SelfSignedCertificate {
  /** The public part, to upload to an app registration. */
  certificatePem: string;
  /** Its unencrypted PKCS#8 private key. */
  privateKeyPem: string;
}

export interface CertificateFiles {
  certificateFile: string;
  keyFile: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A self-signed RSA certificate made in-process, as `openssl req -x509` or New-SelfSignedCertificate
 * would make one for an app registration: node:crypto makes the key, node-forge the X.509 wrapping
 * (node:crypto reads certificates but cannot write them). For tests and the local stand-in only.
 */
export function createSelfSignedCertificate(options: { subject?: string; notBefore?: Date; notAfter?: Date } = {}): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // A positive serial number of 16 random bytes, as CAs issue them.
  certificate.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY_MS);
  const name = [{ name: 'commonName', value: options.subject ?? 'Upward (local)' }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, critical: true },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(certificate), privateKeyPem: privateKey };
}

/** Writes the certificate and its key where a service reads them, the key readable by its owner only. */
export function writeCertificateFiles(directory: string, name: string, certificate: SelfSignedCertificate): CertificateFiles {
  mkdirSync(directory, { recursive: true });
  const certificateFile = path.join(directory, `${name}.crt.pem`);
  const keyFile = path.join(directory, `${name}.key.pem`);
  writeFileSync(certificateFile, certificate.certificatePem);
  writeFileSync(keyFile, certificate.privateKeyPem, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  return { certificateFile, keyFile };
}
