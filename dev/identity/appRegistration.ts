import { createHash, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import { UPWARD_GRAPH_APP_ROLES, UPWARD_SERVICE_PRINCIPAL_ID } from '../demoOrg/tenant';
import { upwardAudiences } from './tokenIssuer';

/** A certificate uploaded to an app registration (Certificates & secrets → Certificates): its public part only. */
export interface UploadedCertificate {
  /** SHA-1 of the DER encoding, upper-case hex, as the Entra admin centre lists it. */
  thumbprint: string;
  /** SHA-256 of the DER encoding, hex. */
  thumbprintSha256: string;
  subject: string;
  /** The key credential's start and end: Entra ID takes them from the certificate's validity. */
  startDateTime: Date;
  endDateTime: Date;
  publicKey: KeyObject;
}

/** The certificates of one app registration, managed as an admin does in the Entra admin centre or through Graph. */
export interface CertificateCredentials {
  /** Uploads a certificate's public part (PEM); several may be registered at once, as during a rotation. */
  upload(certificatePem: string): UploadedCertificate;
  /** Removes the certificate with this SHA-1 thumbprint (hex, any case); false when there is none. */
  remove(thumbprint: string): boolean;
  list(): readonly UploadedCertificate[];
  /** The registered certificate a client assertion's header names, by `x5t#S256` or `x5t` (base64url thumbprints). */
  find(header: { x5t?: unknown; 'x5t#S256'?: unknown }): UploadedCertificate | undefined;
}

/** An app registration of the stand-in's tenant and its service principal, as the token endpoint knows them. */
export interface AppRegistration {
  clientId: string;
  /** Its service principal (enterprise application) id: `oid` and `sub` of its app-only tokens. */
  servicePrincipalId: string;
  displayName: string;
  /** The audiences of its own API: the tokens it may exchange on behalf of a user. */
  apiAudiences: readonly string[];
  /** Microsoft Graph application permissions an admin consented to (the `roles` of its Graph app-only tokens). */
  graphAppRoles: readonly string[];
  certificates: CertificateCredentials;
  /** Checks a token presented as one of its federated identity credentials; throws when none matches. Absent: it has none. */
  verifyFederatedAssertion?(assertion: string): Promise<unknown>;
}

export interface AppRegistrations {
  find(clientId: string): AppRegistration | undefined;
  list(): readonly AppRegistration[];
}

export function createAppRegistration(registration: Omit<AppRegistration, 'certificates'>): AppRegistration {
  return { ...registration, certificates: createCertificateCredentials() };
}

/**
 * Upward's registration: its API (client id and Application ID URI), the Graph application
 * permissions consented for it, the managed identity as federated credential when given, and
 * certificates once someone uploads them (hosts without a managed identity).
 */
export function createUpwardRegistration(clientId: string, verifyFederatedAssertion?: (assertion: string) => Promise<unknown>): AppRegistration {
  return createAppRegistration({
    clientId,
    servicePrincipalId: UPWARD_SERVICE_PRINCIPAL_ID,
    displayName: 'Upward',
    apiAudiences: upwardAudiences(clientId),
    graphAppRoles: UPWARD_GRAPH_APP_ROLES,
    ...(verifyFederatedAssertion ? { verifyFederatedAssertion } : {}),
  });
}

/**
 * The bot's own app registration, for hosts without a managed identity: the Azure Bot is then
 * registered with this app id (single tenant) and the bot proves itself with a certificate
 * uploaded here. It has no Graph permissions; ids are fresh each start.
 */
export function createBotRegistration(): AppRegistration {
  const clientId = randomUUID();
  return createAppRegistration({ clientId, servicePrincipalId: randomUUID(), displayName: 'Upward bot', apiAudiences: [clientId], graphAppRoles: [] });
}

export function appRegistrations(registrations: readonly AppRegistration[]): AppRegistrations {
  return {
    find: (clientId) => registrations.find((r) => r.clientId.toLowerCase() === clientId.toLowerCase()),
    list: () => registrations,
  };
}

function createCertificateCredentials(): CertificateCredentials {
  const uploaded: UploadedCertificate[] = [];
  return {
    upload(certificatePem) {
      let certificate: X509Certificate;
      try {
        if (!certificatePem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate');
        certificate = new X509Certificate(certificatePem);
      } catch {
        throw new Error('The file is not a PEM certificate: upload the public part only (.cer, .pem or .crt).');
      }
      if (certificate.publicKey.asymmetricKeyType !== 'rsa') throw new Error('Only RSA certificates can be used as client credentials.');
      const thumbprint = createHash('sha1').update(certificate.raw).digest('hex').toUpperCase();
      if (uploaded.some((c) => c.thumbprint === thumbprint)) throw new Error(`A certificate with thumbprint ${thumbprint} is already registered.`);
      const entry: UploadedCertificate = {
        thumbprint,
        thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex'),
        subject: certificate.subject,
        startDateTime: new Date(certificate.validFrom),
        endDateTime: new Date(certificate.validTo),
        publicKey: certificate.publicKey,
      };
      uploaded.push(entry);
      return entry;
    },
    remove(thumbprint) {
      const index = uploaded.findIndex((c) => c.thumbprint === thumbprint.toUpperCase());
      if (index < 0) return false;
      uploaded.splice(index, 1);
      return true;
    },
    list: () => [...uploaded],
    find(header) {
      const hex = (value: unknown) => (typeof value === 'string' ? Buffer.from(value, 'base64url').toString('hex') : undefined);
      const sha256 = hex(header['x5t#S256']);
      const sha1 = hex(header.x5t)?.toUpperCase();
      return uploaded.find((c) => (sha256 !== undefined && c.thumbprintSha256 === sha256) || (sha1 !== undefined && c.thumbprint === sha1));
    },
  };
}
