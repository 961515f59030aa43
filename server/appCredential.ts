import type { Configuration } from '@azure/msal-node';
import type { CertificateCredential } from './certificateCredential';
import { managedIdentityTokens, TOKEN_EXCHANGE_RESOURCE } from './managedIdentityTokens';

/**
 * How Upward proves itself to Entra ID as its app registration (IDENTITY_CREDENTIAL): the
 * user-assigned managed identity presented as a federated identity credential (Azure, the
 * default), or, on a host without a managed identity, a certificate uploaded to the registration.
 * Neither is a secret that expires unseen; client secrets are refused at start.
 */
export type AppCredential = { kind: 'managed-identity'; managedIdentityClientId: string } | { kind: 'certificate'; certificate: CertificateCredential };

/** The one place that turns the credential into what msal-node's confidential client signs in with. */
export function msalClientCredential(credential: AppCredential): Pick<Configuration['auth'], 'clientAssertion' | 'clientCertificate'> {
  switch (credential.kind) {
    case 'managed-identity':
      // msal-node asks for the assertion on each token request; the identity's token is cached until shortly before it expires.
      return { clientAssertion: managedIdentityTokens(credential.managedIdentityClientId, TOKEN_EXCHANGE_RESOURCE) };
    case 'certificate':
      // A SHA-256 thumbprint makes msal-node sign PS256 assertions with x5t#S256; x5c sends the certificate itself.
      return { clientCertificate: { thumbprintSha256: credential.certificate.thumbprintSha256, privateKey: credential.certificate.privateKeyPem, x5c: credential.certificate.certificatePem } };
  }
}
