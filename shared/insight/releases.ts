import type { InsightTableId } from './insightTables';
import { buildSafeCube, type Fact, type SafeCube } from './safeCube';

/*
 * Releases: what an admin sees changes only in steps of at least `threshold` people.
 *
 * Each table's figures are the sum of batches. A batch holds the changes since the previous
 * batches (a new contribution, or a changed one withdrawn where it was and added where it is now)
 * and is cut only when those changes involve at least `threshold` distinct people or pairs; until
 * then they wait, unseen. Every batch is its own safe cube (safeCube.ts): its blocks hold either
 * nobody or at least `threshold` people. A cell is shown only when it is a union of whole blocks
 * in every batch, so every figure, in every view, at every release, is a sum of whole blocks,
 * and anything an admin derives by adding and subtracting figures they ever saw (two releases,
 * two filters, two windows) is again a sum of whole blocks: empty, or at least `threshold` people.
 * Batches are never recomputed: a later, higher threshold applies to later batches only, and a
 * threshold is never lowered once a programme has opened.
 */

/**
 * One fact as a release tracks it: `id` names the contribution (a person's status, a session, a
 * survey answer) so a later change to it is seen as that contribution changing, and `department`
 * is the directory's own (empty when unknown), recoded only when a view is drawn.
 */
export interface Contribution extends Fact {
  id: string;
}

export interface ReleaseEvent extends Contribution {
  weight: 1 | -1;
}

export interface InsightBatch {
  table: InsightTableId;
  /** 1, 2, ... per programme and table. */
  seq: number;
  /** The programme's threshold when the batch was cut. */
  threshold: number;
  events: ReleaseEvent[];
}

const sameContribution = (a: Contribution, b: Contribution) =>
  a.unit === b.unit && a.department === b.department && a.month === b.month && a.category === b.category && a.value === b.value;

/** What the batches so far have published, contribution by contribution. */
export function releasedState(batches: readonly InsightBatch[]): Map<string, Contribution> {
  const state = new Map<string, Contribution>();
  for (const batch of [...batches].sort((a, b) => a.seq - b.seq)) {
    for (const { weight, ...contribution } of batch.events) {
      if (weight === 1) state.set(contribution.id, contribution);
      else state.delete(contribution.id);
    }
  }
  return state;
}

/** The changes between what was published and what is true now. */
export function pendingEvents(released: ReadonlyMap<string, Contribution>, current: readonly Contribution[]): ReleaseEvent[] {
  const events: ReleaseEvent[] = [];
  const now = new Map(current.map((c) => [c.id, c]));
  for (const [id, was] of released) {
    const is = now.get(id);
    if (!is || !sameContribution(was, is)) events.push({ ...was, weight: -1 });
  }
  for (const [id, is] of now) {
    const was = released.get(id);
    if (!was || !sameContribution(was, is)) events.push({ ...is, weight: 1 });
  }
  return events;
}

/** The next batch of one table, or null while its waiting changes involve fewer than `threshold` people. */
export function nextBatch(table: InsightTableId, batches: readonly InsightBatch[], current: readonly Contribution[], threshold: number): InsightBatch | null {
  const events = pendingEvents(releasedState(batches), current);
  if (new Set(events.map((e) => e.unit)).size < threshold) return null;
  return { table, seq: batches.reduce((max, b) => Math.max(max, b.seq), 0) + 1, threshold, events };
}

/** One safe cube per batch of a table, over the directory's own departments, and those departments. */
export function releasedCubes(batches: readonly InsightBatch[], months: readonly string[], categories: readonly string[]): { cubes: SafeCube[]; directoryDepartments: string[] } {
  const all = new Set<string>();
  const cubes = batches.map((batch) => {
    const departments = [...new Set(batch.events.map((e) => e.department))].sort();
    departments.forEach((d) => all.add(d));
    return buildSafeCube(batch.events, { departments, months, categories }, batch.threshold);
  });
  return { cubes, directoryDepartments: [...all].sort() };
}
