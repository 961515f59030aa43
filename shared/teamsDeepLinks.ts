/** The personal tabs' entity ids in appPackage/manifest.json that links point into. */
export type TabEntityId = 'workspace' | 'guides';

/**
 * A Teams deep link to one of the app's personal tabs. The sub-entity (a pair's id) reaches the
 * tab as `page.subPageId` in its teams-js context. `appId` is the app's id in the Teams catalogue.
 */
export function teamsEntityLink(appId: string, entityId: TabEntityId, subEntityId?: string): string {
  const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${entityId}`;
  return subEntityId ? `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}` : base;
}
