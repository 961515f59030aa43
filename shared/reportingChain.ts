import type { ReportingChain } from './glossary';

/**
 * Builds a person's management chain from a "who is whose manager" lookup, nearest manager
 * first. Directory data is messy: a person may have no manager, a chain may be very deep, and
 * a mis-edit can create a cycle. A cycle is cut where it repeats and flagged, never looped on.
 */
export function buildReportingChain(
  userId: string,
  managerOf: (id: string) => string | null | undefined,
): ReportingChain {
  const managerIds: string[] = [];
  const seen = new Set<string>([userId]);
  let current = managerOf(userId);
  while (current) {
    if (seen.has(current)) {
      return { userId, managerIds, cycle: true };
    }
    seen.add(current);
    managerIds.push(current);
    current = managerOf(current);
  }
  return { userId, managerIds, cycle: false };
}

/** True when `ancestorId` is anywhere above `chain`'s person. */
export function isInChainOf(chain: ReportingChain, ancestorId: string): boolean {
  return chain.managerIds.includes(ancestorId);
}

export function directManagerId(chain: ReportingChain): string | null {
  return chain.managerIds[0] ?? null;
}
