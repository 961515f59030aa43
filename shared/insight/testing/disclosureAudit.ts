/**
 * The attacker model of the insight tests, shared by the pure property test and the API test.
 * An admin sees every published cell of every view and may add and subtract any of them; every
 * cell is a sum over atoms, so what they can derive is the linear span of the published cells'
 * atom vectors. A group (a set of atoms) is recovered when its 0/1 vector lies in that span.
 */

/** Row-reduced basis of the span of the published atom vectors. */
function basisOf(published: readonly (readonly number[])[], size: number): number[][] {
  const rows = published.map((atoms) => {
    const v = new Array<number>(size).fill(0);
    atoms.forEach((a) => (v[a] = 1));
    return v;
  });
  const basis: number[][] = [];
  let rank = 0;
  for (let col = 0; col < size && rank < rows.length; col++) {
    const pivot = rows.findIndex((r, i) => i >= rank && Math.abs(r[col]!) > 1e-9);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    const scale = p[col]!;
    for (let k = 0; k < size; k++) p[k]! /= scale;
    rows.forEach((r, i) => {
      if (i === rank || Math.abs(r[col]!) < 1e-9) return;
      const f = r[col]!;
      for (let k = 0; k < size; k++) r[k]! -= f * p[k]!;
    });
    basis.push(p);
    rank++;
  }
  return basis;
}

/** Every group (0/1 vector) the published cells let an admin compute, walking the span in Gray-code order. */
export function derivableGroups(published: readonly (readonly number[])[], size: number, maxRank = 22): number[][] {
  const basis = basisOf(published, size);
  if (basis.length > maxRank) throw new Error(`The published cells span ${basis.length} dimensions; the audit enumerates at most ${maxRank}.`);
  const v = new Array<number>(size).fill(0);
  const chosen = new Array<boolean>(basis.length).fill(false);
  const groups: number[][] = [];
  for (let step = 1; step < 2 ** basis.length; step++) {
    const bit = Math.log2(step & -step);
    const sign = chosen[bit] ? -1 : 1;
    chosen[bit] = !chosen[bit];
    for (let k = 0; k < size; k++) v[k]! += sign * basis[bit]![k]!;
    if (v.every((x) => Math.abs(x) < 1e-6 || Math.abs(x - 1) < 1e-6)) groups.push(v.flatMap((x, a) => (Math.abs(x - 1) < 1e-6 ? [a] : [])));
  }
  return groups;
}

/**
 * The derivable groups that hold facts about fewer than `threshold` distinct units. Two exact
 * reductions keep the enumeration small without changing the answer: atoms without facts add
 * nothing to any group's count, so they are dropped; atoms that every published cell takes or
 * leaves together cannot be told apart by any combination, so they are merged.
 */
export function smallDerivableGroups(
  facts: readonly { atom: number; unit: string }[],
  published: readonly (readonly number[])[],
  threshold: number,
): { atoms: number[]; people: number }[] {
  const occupied = [...new Set(facts.map((f) => f.atom))];
  const cellsOf = new Map(occupied.map((a) => [a, [] as number[]]));
  published.forEach((cell, i) => cell.forEach((a) => cellsOf.get(a)?.push(i)));
  const merged = new Map<string, number[]>();
  for (const a of occupied) {
    const signature = cellsOf.get(a)!.join(',');
    merged.set(signature, [...(merged.get(signature) ?? []), a]);
  }
  const superAtoms = [...merged.values()];
  const superOf = new Map(superAtoms.flatMap((atoms, i) => atoms.map((a) => [a, i] as const)));
  const cells = published.map((cell) => [...new Set(cell.flatMap((a) => (superOf.has(a) ? [superOf.get(a)!] : [])))]);
  return derivableGroups(cells, superAtoms.length).flatMap((group) => {
    const atoms = group.flatMap((i) => superAtoms[i]!);
    const inGroup = facts.filter((f) => atoms.includes(f.atom));
    const people = new Set(inGroup.map((f) => f.unit)).size;
    return people < threshold ? [{ atoms, people }] : [];
  });
}
