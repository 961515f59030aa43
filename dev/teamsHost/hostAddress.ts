/** The address that opens a tab inside the local Teams host stand-in as one person (what `npm start` prints). */
export function teamsHostAddress(teamsHostUrl: string, contentUrl: string, userId: string, options: { client?: 'web' | 'desktop'; naa?: boolean } = {}): string {
  const query = new URLSearchParams({ as: userId, contentUrl });
  if (options.client) query.set('client', options.client);
  if (options.naa !== undefined) query.set('naa', options.naa ? '1' : '0');
  return `${teamsHostUrl}/?${query.toString()}`;
}
