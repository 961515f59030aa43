/// <reference types="office-js" />
import type { TokenRequest } from '../../../tabs/src/host/host';
import type { PublishedAuthConfig } from '../../../tabs/src/host/publishedAuthConfig';
import { dialogTokens } from './dialogTokens';

export type TokenSource = (request?: TokenRequest) => Promise<string>;

type OfficeForSignIn = Pick<typeof Office, 'context' | 'EventType'>;

export interface SignInDeps {
  /** Nested app authentication through MSAL (the Teams tab's, `nestedAppAuthTokens`). */
  nestedAppAuth(config: PublishedAuthConfig): Promise<TokenSource>;
  config(): Promise<PublishedAuthConfig>;
  origin: string;
}

/**
 * Sign-in inside Outlook as Microsoft recommends: MSAL nested app authentication where Outlook
 * supports it (requirement set NestedAppAuth 1.1: Outlook on the web, new Outlook, current
 * Windows, Mac, iOS and Android); elsewhere the Office dialog API running MSAL's authorization
 * code flow with PKCE. Legacy Office SSO (`Office.auth.getAccessToken`) is not used.
 */
export async function officeTokens(office: OfficeForSignIn, deps: SignInDeps): Promise<{ kind: 'nested-app-auth' | 'dialog'; getToken: TokenSource }> {
  if (office.context.requirements.isSetSupported('NestedAppAuth', '1.1')) {
    return { kind: 'nested-app-auth', getToken: await deps.nestedAppAuth(await deps.config()) };
  }
  return { kind: 'dialog', getToken: dialogTokens(office.context.ui, office.EventType, deps.origin) };
}
