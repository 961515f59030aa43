/** Who is calling, as proven by a validated Entra ID token. */
export interface Caller {
  tenantId: string;
  /** Entra ID object id (oid). */
  userId: string;
  name: string;
  username: string;
  roles: string[];
  isAdmin: boolean;
  /** The raw access token, kept only to exchange it on-behalf-of the caller. */
  accessToken: string;
}

export const adminRole = 'Upward.Admin';
export const userScope = 'access_as_user';
