import type { DemoOrg } from './types';

/** How many managers stand above a demo person (0 for the CEO and for people without a manager). */
export function managementDepth(org: Pick<DemoOrg, 'people'>): (userId: string) => number {
  const managerOf = new Map(org.people.map((p) => [p.user.id, p.managerId]));
  return (userId) => {
    let depth = 0;
    const seen = new Set<string>();
    for (let m = managerOf.get(userId); m && !seen.has(m); m = managerOf.get(m)) {
      seen.add(m);
      depth++;
    }
    return depth;
  };
}
