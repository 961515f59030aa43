import { canPair, pairKey, seniorityBlock, type ChainLookup, type PairCandidate, type PairingPolicy, type PairBlockCode, type PairingVerdict } from '../pairingRules';

/**
 * Applies `canPair` to every mentor x mentee pair of a programme, fast enough for thousands a
 * side. The rules are not restated here: a pair that touches a relational rule (one is in the
 * other's chain, a shared direct manager, an earlier pair, an admin block, the same person) or a
 * person with a missing fact gets the full `canPair`; every other pair can only fail the
 * seniority rule, which is `canPair`'s own `seniorityBlock`.
 */
export interface PairScreen {
  /** Sets `allowed[i]` to 1 when mentor i may be paired with mentee j, else 0. */
  screenRow(menteeIndex: number, allowed: Uint8Array): void;
  verdict(mentorIndex: number, menteeIndex: number): PairingVerdict;
  /** The codes of the rules that block a pair (empty when allowed), without building messages for the common case. */
  blocks(mentorIndex: number, menteeIndex: number): PairBlockCode[];
}

export function createPairScreen(
  mentors: readonly PairCandidate[],
  mentees: readonly PairCandidate[],
  chains: ChainLookup,
  policy: PairingPolicy,
): PairScreen {
  const mentorsByUser = indexByUser(mentors);
  const menteesByUser = indexByUser(mentees);
  const related: Set<number>[] = mentees.map(() => new Set<number>());
  const relate = (mentorIndexes: readonly number[] | undefined, menteeIndex: number) => {
    for (const i of mentorIndexes ?? []) related[menteeIndex]!.add(i);
  };

  // Mentors (and mentees) with a missing fact are checked in full against everyone.
  const fullColumns: number[] = [];
  const fullColumn = new Uint8Array(mentors.length);
  const mentorsByManager = new Map<string, number[]>();
  mentors.forEach((mentor, i) => {
    const chain = chains(mentor.userId);
    if (!chain || mentor.role !== 'mentor' || mentor.seniority === null) {
      fullColumns.push(i);
      fullColumn[i] = 1;
      return;
    }
    for (const managerId of chain.managerIds) {
      for (const j of menteesByUser.get(managerId) ?? []) related[j]!.add(i);
    }
    const manager = chain.managerIds[0];
    if (manager !== undefined) push(mentorsByManager, manager, i);
  });

  const fullRows = new Uint8Array(mentees.length);
  mentees.forEach((mentee, j) => {
    const chain = chains(mentee.userId);
    if (!chain || mentee.role !== 'mentee' || mentee.seniority === null) {
      fullRows[j] = 1;
      return;
    }
    for (const managerId of chain.managerIds) relate(mentorsByUser.get(managerId), j);
    const manager = chain.managerIds[0];
    if (manager !== undefined) relate(mentorsByManager.get(manager), j);
    relate(mentorsByUser.get(mentee.userId), j);
  });

  for (const key of [...policy.earlierPairs, ...policy.adminBlocks]) {
    for (const [a, b] of splitPairKey(key)) {
      for (const j of menteesByUser.get(b) ?? []) relate(mentorsByUser.get(a), j);
      for (const j of menteesByUser.get(a) ?? []) relate(mentorsByUser.get(b), j);
    }
  }

  const mentorSeniority = mentors.map((m) => m.seniority ?? 0);
  const seniorityLevels = [...new Set(mentorSeniority)];
  const levelOf = new Map(seniorityLevels.map((level, k) => [level, k]));
  const mentorLevel = Int32Array.from(mentorSeniority, (level) => levelOf.get(level)!);
  const levelAllowed = new Uint8Array(seniorityLevels.length);
  const verdict = (i: number, j: number) => canPair(mentors[i]!, mentees[j]!, chains, policy);

  const needsFullCheck = (i: number, j: number) => fullRows[j] === 1 || fullColumn[i] === 1 || related[j]!.has(i);

  return {
    verdict,
    blocks(i, j) {
      if (needsFullCheck(i, j)) {
        const full = verdict(i, j);
        return full.allowed ? [] : full.reasons.map((r) => r.code);
      }
      const code = seniorityBlock(mentorSeniority[i]!, mentees[j]!.seniority, policy.minSeniorityGap);
      return code === null ? [] : [code];
    },
    screenRow(j, allowed) {
      if (fullRows[j] === 1) {
        for (let i = 0; i < mentors.length; i++) allowed[i] = verdict(i, j).allowed ? 1 : 0;
        return;
      }
      // The seniority rule once per distinct mentor seniority, not once per mentor.
      const menteeSeniority = mentees[j]!.seniority;
      for (let k = 0; k < seniorityLevels.length; k++) {
        levelAllowed[k] = seniorityBlock(seniorityLevels[k]!, menteeSeniority, policy.minSeniorityGap) === null ? 1 : 0;
      }
      for (let i = 0; i < mentors.length; i++) allowed[i] = levelAllowed[mentorLevel[i]!]!;
      for (const i of fullColumns) allowed[i] = verdict(i, j).allowed ? 1 : 0;
      for (const i of related[j]!) allowed[i] = verdict(i, j).allowed ? 1 : 0;
    },
  };
}

function indexByUser(people: readonly PairCandidate[]): Map<string, number[]> {
  const byUser = new Map<string, number[]>();
  people.forEach((p, i) => push(byUser, p.userId, i));
  return byUser;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every way of cutting a `pairKey` back into two ids (an id could itself contain the separator). */
function splitPairKey(key: string): [string, string][] {
  const splits: [string, string][] = [];
  for (let at = key.indexOf('|'); at !== -1; at = key.indexOf('|', at + 1)) {
    const a = key.slice(0, at);
    const b = key.slice(at + 1);
    if (pairKey(a, b) === key) splits.push([a, b]);
  }
  return splits;
}
