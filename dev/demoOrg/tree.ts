import type { Prng } from './prng';

export const MIN_SPAN = 3;
export const MAX_SPAN = 12;

export interface OrgTree {
  /** Manager index of each node; -1 for the root (the CEO, index 0). */
  parent: number[];
  /** 0 for the CEO. */
  depth: number[];
  children: number[][];
  /** Number of levels, CEO included. */
  levels: number;
}

/** Most descendants a node can have with `levelsBelow` levels under it at the widest span. */
function capacity(levelsBelow: number): number {
  let total = 0;
  for (let i = 0; i < levelsBelow; i++) total = MAX_SPAN + MAX_SPAN * total;
  return total;
}

/** Fewest descendants that still reach `levelsBelow` levels down (one chain, everyone else a leaf). */
function minimumForDepth(levelsBelow: number): number {
  return MIN_SPAN * levelsBelow;
}

/**
 * A management tree of `size` people with exactly `levels` levels where every manager has
 * 3-12 direct reports. Each node gets a budget of descendants; one "spine" child always keeps
 * enough budget to reach the bottom level, and capacities stop any branch going deeper.
 */
export function generateTree(prng: Prng, size: number, levels: number, ceoSpan: number): OrgTree {
  if (size - 1 < minimumForDepth(levels - 1)) throw new Error(`${size} people cannot fill ${levels} levels`);
  if (size - 1 > capacity(levels - 1)) throw new Error(`${size} people do not fit in ${levels} levels`);
  const parent: number[] = [-1];
  const depth: number[] = [0];
  const children: number[][] = [[]];
  // Iterative to keep it fast and flat for 12,000 people.
  const stack: { node: number; budget: number; spine: boolean; targetSpan?: number }[] = [{ node: 0, budget: size - 1, spine: true, targetSpan: ceoSpan }];
  while (stack.length > 0) {
    const { node, budget, spine, targetSpan } = stack.pop()!;
    if (budget === 0) continue;
    const below = levels - 1 - depth[node]!;
    const childCapacity = capacity(below - 1);
    const spineNeed = spine && below >= 2 ? minimumForDepth(below - 1) : 0;
    const isTop = depth[node] === 0;
    const spans: number[] = [];
    for (let s = MIN_SPAN; s <= Math.min(MAX_SPAN, budget); s++) {
      const rest = budget - s;
      if (rest === 1 || rest === 2) continue;
      if (rest > s * childCapacity || rest < spineNeed) continue;
      if (isTop && rest < s * MIN_SPAN) continue;
      spans.push(s);
    }
    if (spans.length === 0) throw new Error(`no valid span for a budget of ${budget} at depth ${depth[node]}`);
    const target = targetSpan ?? prng.int(4, 10);
    const bestDistance = Math.min(...spans.map((s) => Math.abs(s - target)));
    const span = prng.pick(spans.filter((s) => Math.abs(s - target) === bestDistance));
    const rest = budget - span;

    // How many reports are managers themselves: all under the CEO (the VPs), otherwise enough for teams of about six.
    const maxManagers = spineNeed > 0 ? Math.min(span, 1 + Math.floor((rest - spineNeed) / MIN_SPAN)) : Math.min(span, Math.floor(rest / MIN_SPAN));
    const minManagers = rest === 0 ? 0 : Math.max(1, Math.ceil(rest / Math.max(childCapacity, 1)));
    const wanted = isTop ? span : Math.round(rest / 6);
    const managers = Math.max(minManagers, Math.min(maxManagers, wanted));

    const budgets = new Array<number>(managers).fill(MIN_SPAN);
    if (spineNeed > 0) budgets[0] = spineNeed;
    let left = rest - budgets.reduce((a, b) => a + b, 0);
    // The spine child weighs more, so the deepest levels hold teams rather than a single thread.
    const weights = budgets.map((_, i) => (0.3 + prng.next()) * (i === 0 && spineNeed > 0 ? 3 : 1));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < managers && left > 0; i++) {
      const share = Math.min(Math.floor((rest - MIN_SPAN * managers) * (weights[i]! / weightSum)), childCapacity - budgets[i]!, left);
      budgets[i]! += Math.max(0, share);
      left -= Math.max(0, share);
    }
    for (let i = 0; left > 0; i = (i + 1) % managers) {
      if (budgets[i]! < childCapacity) {
        budgets[i]! += 1;
        left -= 1;
      }
    }
    const order = prng.shuffle(Array.from({ length: span }, (_, i) => i));
    for (const slot of order) {
      const child = parent.length;
      parent.push(node);
      depth.push(depth[node]! + 1);
      children.push([]);
      children[node]!.push(child);
      if (slot < managers) stack.push({ node: child, budget: budgets[slot]!, spine: spine && slot === 0 });
    }
  }
  return { parent, depth, children, levels };
}
