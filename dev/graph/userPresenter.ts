import type { User } from '@microsoft/microsoft-graph-types';
import type { DemoPerson } from '../demoOrg/types';
import { GraphError } from './graphError';

/** Properties Graph returns for a user when the request has no `$select`. */
export const DEFAULT_USER_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];

/** Properties that `$filter` accepts on users here (Entra ID supports these with the default consistency). */
export const FILTERABLE_USER_PROPERTIES = new Set([
  'id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'officeLocation',
  'city', 'country', 'usageLocation', 'preferredLanguage', 'accountEnabled', 'employeeHireDate',
  'onPremisesExtensionAttributes/extensionAttribute1',
]);

export function parseSelect(value: string | null, selectable: ReadonlySet<string>): string[] | undefined {
  if (!value) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!selectable.has(name)) throw new GraphError(400, 'Request_BadRequest', `Could not find a property named '${name}' on type 'Microsoft.DirectoryServices.User'.`);
  }
  return names;
}

/** Reads a property path such as `onPremisesExtensionAttributes/extensionAttribute1` for `$filter`. */
export function readUserPath(person: DemoPerson, path: string): unknown {
  let value: unknown = person.user;
  for (const part of path.split('/')) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[part];
  return value;
}

/** A user with the selected properties only (Graph's defaults when none are selected). */
export function presentUser(person: DemoPerson, select: readonly string[] | undefined, typed = false): User & Record<string, unknown> {
  const out: User & Record<string, unknown> = typed ? { '@odata.type': '#microsoft.graph.user' } : {};
  for (const name of select ?? DEFAULT_USER_PROPERTIES) {
    if (name === 'manager') continue;
    out[name] = (person.user as unknown as Record<string, unknown>)[name] ?? null;
  }
  return out;
}
