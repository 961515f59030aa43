import type { ReportingChain } from '../../shared/glossary';

/** Directory facts of one person, as Entra ID holds them. Never filled from forms. */
export interface DirectoryPerson {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  city: string | null;
  country: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
  /** The grade held in the configured directory attribute (e.g. extensionAttribute1), if any. */
  grade: string | null;
}

/** A person as the directory holds them, and their management chain, read together. */
export interface PersonWithChain {
  person: DirectoryPerson;
  chain: ReportingChain;
}

/** What changed in the directory since a cursor, as far as reporting lines go. */
export interface DirectoryChanges {
  /** People whose manager (or whose own record) changed. */
  changedIds: Set<string>;
  /** Where to ask from next time. */
  cursor: string;
  /** True when there was no cursor yet: the round only established one and reports nothing as changed. */
  baseline: boolean;
}

/**
 * Upward's view of Entra ID. The real implementation reads Microsoft Graph (a tenant or the
 * local stand-in, chosen by configuration); business code only sees this contract.
 */
export interface Directory {
  /** People by e-mail address or user principal name; keys are the lower-cased addresses asked for. */
  findByMail(tenantId: string, addresses: readonly string[]): Promise<Map<string, DirectoryPerson>>;
  /** People by object id; ids the directory does not know are absent from the map. */
  getPeople(tenantId: string, ids: readonly string[]): Promise<Map<string, DirectoryPerson>>;
  /** People whose name or address starts with the query, for an admin's invitation picker. */
  searchPeople(tenantId: string, query: string, limit: number): Promise<DirectoryPerson[]>;
  /** Each person's management chain, nearest manager first, read with as few calls as Graph allows. */
  managementChains(tenantId: string, ids: readonly string[]): Promise<Map<string, ReportingChain>>;
  /** Directory facts and management chain of each person, in the same calls `managementChains` makes. */
  peopleWithChains(tenantId: string, ids: readonly string[]): Promise<Map<string, PersonWithChain>>;
  /** The person's facts and whether they have a profile photo; null when the directory does not know them. */
  profile(tenantId: string, id: string): Promise<(DirectoryPerson & { hasPhoto: boolean }) | null>;
  /** Reporting-line changes since `cursor` (null: start tracking now). */
  changes(tenantId: string, cursor: string | null): Promise<DirectoryChanges>;
}
