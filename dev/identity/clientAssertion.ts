/** How a confidential client proves itself with a signed token instead of a secret (RFC 7523). */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface ClientRefusal {
  status: number;
  error: string;
  aadsts: number;
  description: string;
}

/**
 * Authenticates the Upward app at the token endpoint as Entra ID does for a registration whose only
 * credential is a federated identity credential (the managed identity): a client assertion it
 * vouches for is accepted; a client secret is refused, since the registration has none.
 */
export async function authenticateClient(params: URLSearchParams, secret: string | undefined, verifyAssertion: (assertion: string) => Promise<unknown>): Promise<ClientRefusal | null> {
  if (secret !== undefined) return { status: 401, error: 'invalid_client', aadsts: 7000215, description: 'Invalid client secret provided. The application has no client secrets: present a client assertion (its federated identity credential).' };
  const assertion = params.get('client_assertion');
  if (!assertion) return { status: 401, error: 'invalid_client', aadsts: 7000218, description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'." };
  if (params.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
    return { status: 400, error: 'invalid_request', aadsts: 50027, description: `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}.` };
  }
  try {
    await verifyAssertion(assertion);
    return null;
  } catch (error) {
    return { status: 401, error: 'invalid_client', aadsts: 700213, description: `No matching federated identity record found for presented assertion. (${(error as Error).message})` };
  }
}
