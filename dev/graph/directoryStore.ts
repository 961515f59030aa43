import type { DemoOrg, DemoPerson } from '../demoOrg/types';

/**
 * The stand-in's mutable directory over a generated organisation: who manages whom, and a
 * change counter that `/users/delta` reads (a reorganisation bumps it for the people moved).
 */
export class DirectoryStore {
  private readonly managers = new Map<string, string | null>();
  private readonly reports = new Map<string, Set<string>>();
  private readonly byUpn = new Map<string, DemoPerson>();
  /** Version at which each person last changed; 0 for "as generated". */
  private readonly changedAt = new Map<string, number>();
  /** The manager a person had before their last change, for `@removed` entries in delta. */
  private readonly previousManagers = new Map<string, string | null>();
  private version = 0;
  /** How far the delta-link clock runs ahead of real time: lets tests age delta links past their lifetime. */
  private deltaClockAheadMs = 0;

  constructor(readonly org: DemoOrg) {
    for (const person of org.people) {
      this.byUpn.set(person.user.userPrincipalName.toLowerCase(), person);
      this.managers.set(person.user.id, person.managerId);
      if (person.managerId) this.reportsOf(person.managerId).add(person.user.id);
    }
  }

  private reportsOf(id: string): Set<string> {
    let set = this.reports.get(id);
    if (!set) {
      set = new Set();
      this.reports.set(id, set);
    }
    return set;
  }

  get people(): readonly DemoPerson[] {
    return this.org.people;
  }

  get currentVersion(): number {
    return this.version;
  }

  /** By object id or user principal name, as Graph's `/users/{id | userPrincipalName}`. */
  find(idOrUpn: string): DemoPerson | undefined {
    return this.org.byId.get(idOrUpn) ?? this.byUpn.get(idOrUpn.toLowerCase());
  }

  managerOf(id: string): DemoPerson | undefined {
    const managerId = this.managers.get(id);
    return managerId ? this.org.byId.get(managerId) : undefined;
  }

  directReportsOf(id: string): DemoPerson[] {
    return [...(this.reports.get(id) ?? [])].map((r) => this.org.byId.get(r)!);
  }

  /** Moves a person under another manager (or none); refuses cycles, as Entra ID does. */
  setManager(userId: string, managerId: string | null): void {
    if (!this.org.byId.has(userId)) throw new Error(`No user ${userId}`);
    if (managerId !== null) {
      if (!this.org.byId.has(managerId)) throw new Error(`No user ${managerId}`);
      for (let m: string | null | undefined = managerId; m; m = this.managers.get(m)) {
        if (m === userId) throw new Error(`Making ${managerId} the manager of ${userId} would create a cycle`);
      }
    }
    const previous = this.managers.get(userId) ?? null;
    this.previousManagers.set(userId, previous);
    if (previous) this.reports.get(previous)?.delete(userId);
    this.managers.set(userId, managerId);
    if (managerId) this.reportsOf(managerId).add(userId);
    this.version += 1;
    this.changedAt.set(userId, this.version);
  }

  /** Now, as delta links age (milliseconds since the epoch). */
  deltaNow(): number {
    return Date.now() + this.deltaClockAheadMs;
  }

  /** Makes every delta link issued so far older by `ms`, as if that time had passed. */
  ageDeltaLinks(ms: number): void {
    this.deltaClockAheadMs += ms;
  }

  previousManagerIdOf(id: string): string | null {
    return this.previousManagers.get(id) ?? null;
  }

  /** People changed after `version`, in directory order. */
  changedSince(version: number): DemoPerson[] {
    return this.org.people.filter((p) => (this.changedAt.get(p.user.id) ?? 0) > version);
  }
}
