/**
 * Anonymity by construction for programme insight.
 *
 * Every aggregate an admin can see is a sum over "atoms" (department x month x category) of one
 * table. The atoms are grouped into blocks so that every block holds either no facts or facts
 * about at least `threshold` distinct people (or pairs). A cell is published only when it is
 * exactly a union of such blocks; otherwise it is suppressed, whatever its own size.
 *
 * Why that is enough: every published count or sum is then a combination of block totals, so
 * anything an admin derives by adding and subtracting published cells, across any filters
 * (department, time window, category, total), is itself a union of whole blocks. A derived
 * group of people is therefore empty or has at least `threshold` members: no small group's count
 * or sum can be recovered, not even by subtracting a filtered view from an unfiltered one
 * (complementary suppression falls out of the block rule instead of being patched on).
 */

/** One contribution to a table: a person's status, a pair's session, a respondent's rating. */
export interface Fact {
  /** Who the fact is about (a participant or a pair). Counted for the threshold; never shown. */
  unit: string;
  /** Already recoded (see recodeDepartments); small departments arrive as "Other departments". */
  department: string;
  /** `YYYY-MM`, the month the fact happened in. */
  month: string;
  category: string;
  /** For tables with an average (ratings, days, changes). */
  value?: number;
  /** -1 withdraws a fact published earlier (a release batch taking back a changed status); 1 by default. */
  weight?: 1 | -1;
}

export interface CubeShape {
  departments: readonly string[];
  months: readonly string[];
  categories: readonly string[];
}

interface Block {
  atoms: number[];
  units: Set<string>;
  facts: number;
  sum: number;
}

export interface SafeCube {
  shape: CubeShape;
  threshold: number;
  /** The block each atom belongs to. */
  blockOf: Int32Array;
  blocks: ReadonlyMap<number, Readonly<Block>>;
}

/** A cell as it leaves the module: null means suppressed. */
export interface Cell {
  count: number | null;
  /** Null when suppressed, when the cell is empty, or when the table has no values. */
  mean: number | null;
}

export interface CellQuery {
  /** null: every department; a list: those departments together (one the table lacks adds nothing). */
  department: string | readonly string[] | null;
  /** Inclusive month range, `YYYY-MM`. */
  from: string;
  to: string;
  /** null: every category (the total). */
  category: string | null;
}

// A block with anyone in it, a withdrawal included, must hold at least `threshold` of them.
const isSmall = (b: Block, threshold: number) => b.units.size > 0 && b.units.size < threshold;

function atomIndex(shape: CubeShape, d: number, m: number, c: number): number {
  return (d * shape.months.length + m) * shape.categories.length + c;
}

function atomCoordinates(shape: CubeShape, atom: number): [number, number, number] {
  const c = atom % shape.categories.length;
  const rest = (atom - c) / shape.categories.length;
  const m = rest % shape.months.length;
  return [(rest - m) / shape.months.length, m, c];
}

/**
 * Neighbouring blocks of a block, in the order a small block is merged: first along time (the
 * same department and category in the next or previous month), then across categories (the same
 * department and month), then across departments. Time first keeps whole-programme figures per
 * department visible; only month-level detail is lost.
 */
function neighbours(cube: { shape: CubeShape; blockOf: Int32Array }, id: number, block: Block): number[][] {
  const { shape, blockOf } = cube;
  const classes: Set<number>[] = [new Set(), new Set(), new Set()];
  const add = (cls: number, d: number, m: number, c: number) => {
    const other = blockOf[atomIndex(shape, d, m, c)]!;
    if (other !== id) classes[cls]!.add(other);
  };
  for (const atom of block.atoms) {
    const [d, m, c] = atomCoordinates(shape, atom);
    if (m > 0) add(0, d, m - 1, c);
    if (m + 1 < shape.months.length) add(0, d, m + 1, c);
    for (let c2 = 0; c2 < shape.categories.length; c2++) if (c2 !== c) add(1, d, m, c2);
    for (let d2 = 0; d2 < shape.departments.length; d2++) if (d2 !== d) add(2, d2, m, c);
  }
  return classes.map((s) => [...s].sort((a, b) => a - b));
}

/** Groups the facts of one table into blocks that are empty or hold at least `threshold` units. */
export function buildSafeCube(facts: readonly Fact[], shape: CubeShape, threshold: number): SafeCube {
  const atoms = shape.departments.length * shape.months.length * shape.categories.length;
  const blockOf = new Int32Array(atoms);
  const blocks = new Map<number, Block>();
  for (let a = 0; a < atoms; a++) {
    blockOf[a] = a;
    blocks.set(a, { atoms: [a], units: new Set(), facts: 0, sum: 0 });
  }
  const position = (values: readonly string[]) => new Map(values.map((v, i) => [v, i]));
  const dept = position(shape.departments);
  const month = position(shape.months);
  const category = position(shape.categories);
  for (const fact of facts) {
    const d = dept.get(fact.department);
    const m = month.get(fact.month);
    const c = category.get(fact.category);
    if (d === undefined || m === undefined || c === undefined) {
      throw new Error(`A fact lies outside the table (${fact.department}, ${fact.month}, ${fact.category}).`);
    }
    const block = blocks.get(atomIndex(shape, d, m, c))!;
    const weight = fact.weight ?? 1;
    block.units.add(fact.unit);
    block.facts += weight;
    block.sum += weight * (fact.value ?? 0);
  }

  const cube = { shape, threshold, blockOf, blocks };
  for (;;) {
    let smallest: [number, Block] | undefined;
    for (const entry of blocks) {
      if (isSmall(entry[1], threshold) && (!smallest || entry[1].units.size < smallest[1].units.size)) smallest = entry;
    }
    if (!smallest) break;
    const [id, block] = smallest;
    const candidates = neighbours(cube, id, block).find((cls) => cls.length > 0);
    // A table whose every fact fits in one small block stays small: nothing in it is published.
    if (!candidates) break;
    const mergedSize = (other: number) => new Set([...block.units, ...blocks.get(other)!.units]).size;
    const closing = candidates.filter((o) => mergedSize(o) >= threshold);
    const partner = closing.length > 0
      ? closing.reduce((best, o) => (blocks.get(o)!.units.size < blocks.get(best)!.units.size ? o : best))
      : candidates.reduce((best, o) => (blocks.get(o)!.units.size > blocks.get(best)!.units.size ? o : best));
    const other = blocks.get(partner)!;
    for (const atom of other.atoms) {
      blockOf[atom] = id;
      block.atoms.push(atom);
    }
    for (const unit of other.units) block.units.add(unit);
    block.facts += other.facts;
    block.sum += other.sum;
    blocks.delete(partner);
  }
  return cube;
}

/** The atoms a query covers, as a membership test. */
function coverage(cube: SafeCube, q: CellQuery): ((atom: number) => boolean) | null {
  const { shape } = cube;
  const departments = q.department === null ? null : new Set((typeof q.department === 'string' ? [q.department] : q.department).map((name) => shape.departments.indexOf(name)));
  const from = shape.months.indexOf(q.from);
  const to = shape.months.indexOf(q.to);
  const c = q.category === null ? -1 : shape.categories.indexOf(q.category);
  if ((typeof q.department === 'string' && departments!.has(-1)) || from < 0 || to < from || (q.category !== null && c < 0)) return null;
  return (atom) => {
    const [ad, am, ac] = atomCoordinates(shape, atom);
    return (departments === null || departments.has(ad)) && am >= from && am <= to && (c < 0 || ac === c);
  };
}

/** The facts and value sum of a cell, or null unless it is exactly a union of blocks none of which is small. */
function totalsOf(cube: SafeCube, q: CellQuery): { count: number; sum: number } | null {
  const covers = coverage(cube, q);
  if (!covers) throw new Error('The query names a department, month or category the table does not have.');
  const touched = new Set<number>();
  for (let atom = 0; atom < cube.blockOf.length; atom++) if (covers(atom)) touched.add(cube.blockOf[atom]!);
  let count = 0;
  let sum = 0;
  for (const id of touched) {
    const block = cube.blocks.get(id)!;
    if (isSmall(block, cube.threshold) || !block.atoms.every(covers)) return null;
    count += block.facts;
    sum += block.sum;
  }
  return { count, sum };
}

/**
 * One cell over several cubes added together (the batches of a release), or null (suppressed):
 * published only when
 * it is a union of whole, large-enough blocks in every one of them, so anything derived from it
 * is still a union of blocks.
 */
export function cellAcross(cubes: readonly SafeCube[], q: CellQuery, withMean: boolean): Cell {
  let count = 0;
  let sum = 0;
  for (const cube of cubes) {
    const totals = totalsOf(cube, q);
    if (!totals) return { count: null, mean: null };
    count += totals.count;
    sum += totals.sum;
  }
  return { count, mean: withMean && count > 0 ? Math.round((sum / count) * 100) / 100 : null };
}
