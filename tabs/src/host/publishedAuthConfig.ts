/** What the service publishes at /auth/config.json: the only source of the tab's sign-in settings. */
export interface PublishedAuthConfig {
  authority: string;
  clientId: string;
  /** Upward's API scope, `api://<client id>/access_as_user`. */
  scope: string;
  /** Extra origins teams-js may accept host messages from: only the local Teams host stand-in, beside which the service then runs. */
  teamsHostOrigins?: string[];
}

export async function fetchPublishedAuthConfig(): Promise<PublishedAuthConfig> {
  const response = await fetch('/auth/config.json');
  if (!response.ok) throw new Error(`Upward's sign-in settings could not be read (${response.status}).`);
  return (await response.json()) as PublishedAuthConfig;
}
