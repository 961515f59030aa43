/** What the identity stand-in needs to know about a person: enough to sign them in and fill claims. */
export interface IdentityPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  jobTitle?: string;
  /** App roles of the Upward app assigned to this person (for example `Upward.Admin`). */
  roles: readonly string[];
}

export interface IdentityDirectory {
  findPerson(idOrUpn: string): IdentityPerson | undefined;
  /** People shown first on the sign-in page (the documented demo personas). */
  featuredPeople(): readonly IdentityPerson[];
  /** Case-insensitive match on name or sign-in name, at most `limit` people. */
  searchPeople(query: string, limit: number): readonly IdentityPerson[];
}
