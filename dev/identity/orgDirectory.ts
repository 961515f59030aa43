import { DEMO_PERSONAS } from '../demoOrg/personas';
import type { DemoOrg, DemoPerson } from '../demoOrg/types';
import type { IdentityDirectory, IdentityPerson } from './directory';

function toIdentity(person: DemoPerson): IdentityPerson {
  return { id: person.user.id, displayName: person.user.displayName, userPrincipalName: person.user.userPrincipalName, jobTitle: person.user.jobTitle, roles: person.appRoles };
}

/** The identity stand-in's view of a demo organisation: sign-in names, display names, app roles. */
export function directoryFromOrg(org: DemoOrg): IdentityDirectory {
  const byUpn = new Map(org.people.map((p) => [p.user.userPrincipalName.toLowerCase(), p]));
  const featured = Object.values(DEMO_PERSONAS).map((p) => toIdentity(org.byId.get(p.id)!));
  return {
    findPerson: (idOrUpn) => {
      const person = org.byId.get(idOrUpn) ?? byUpn.get(idOrUpn.toLowerCase());
      return person && toIdentity(person);
    },
    featuredPeople: () => featured,
    searchPeople: (query, limit) => {
      const q = query.toLowerCase();
      const found: IdentityPerson[] = [];
      for (const p of org.people) {
        if (found.length >= limit) break;
        if (p.user.displayName.toLowerCase().includes(q) || p.user.userPrincipalName.toLowerCase().includes(q)) found.push(toIdentity(p));
      }
      return found;
    },
  };
}
