/**
 * Maximum-total-score b-matching on a dense score matrix with small integer scores and many ties:
 * rows (mentees) take at most one column (mentor), column c takes at most `capacity[c]` rows, a
 * score of 0 means the pair is forbidden, every allowed pair scores >= 1, and nobody has to be
 * matched.
 *
 * Exact, with a proof: it solves the problem on a sparse set of candidate pairs by a primal-dual
 * (Hungarian) method and ends with integer duals u (rows) and v (columns) such that
 * u[r] + v[c] >= score for every allowed pair of the whole matrix, with equality on every chosen
 * pair, u = 0 for every unmatched row and v = 0 for every column with a place left. By LP duality
 * (the bipartite b-matching polytope is integral) no assignment scores more. Pairs that break the
 * first inequality are added to the candidates and the sparse problem is solved again.
 *
 * Sparse solve (Galil's bipartite weighted matching with multiple augmentations per phase): all
 * rows start at u = W (the largest candidate score), so every free row always has the same dual U.
 * Each phase augments along as many tight alternating paths as it can find, then one bucket
 * Dijkstra over reduced costs lowers U by at least 1. So there are at most W phases, each linear
 * in the number of candidate pairs.
 */
export interface Assignment {
  /** The column of each row, or -1. */
  colOf: Int32Array;
  totalScore: number;
  rowDual: Int32Array;
  colDual: Int32Array;
}

/** Candidates per row and per column in the first sparse problem, and extra per row in the first pricing round. */
const rowCandidates = 12;
const colCandidates = 12;
const pricedPerRow = 16;

export function maxScoreAssignment(rows: number, cols: number, scores: Int32Array, capacity: Int32Array): Assignment {
  if (scores.length !== rows * cols || capacity.length !== cols) throw new RangeError('Score matrix and capacities do not match the sizes.');
  const candidates = firstCandidates(rows, cols, scores, capacity);
  // Twice as many priced pairs per row each round, so even adversarial matrices need few rounds.
  for (let perRow = pricedPerRow; ; perRow *= 2) {
    const solved = solveSparse(rows, cols, candidates, capacity);
    if (!addViolations(rows, cols, scores, capacity, solved, candidates, Math.min(perRow, cols))) return solved;
  }
}

/** Candidate pairs of each row, as growing column and score lists. */
interface Candidates {
  col: Int32Array[];
  score: Int32Array[];
  count: Int32Array;
}

function pushCandidate(candidates: Candidates, r: number, c: number, score: number): void {
  const k = candidates.count[r]!;
  if (k === candidates.col[r]!.length) {
    const col = new Int32Array(Math.max(4, k * 2));
    const sc = new Int32Array(col.length);
    col.set(candidates.col[r]!);
    sc.set(candidates.score[r]!);
    candidates.col[r] = col;
    candidates.score[r] = sc;
  }
  candidates.col[r]![k] = c;
  candidates.score[r]![k] = score;
  candidates.count[r] = k + 1;
}

/**
 * The best few columns of each row and the best few rows of each column. Ties are broken by a
 * rotating start (row r prefers columns from about r * cols / rows on), so that equally good
 * candidates are spread instead of every row naming the same first columns.
 */
function firstCandidates(rows: number, cols: number, scores: Int32Array, capacity: Int32Array): Candidates {
  const candidates: Candidates = { col: [], score: [], count: new Int32Array(rows) };
  for (let r = 0; r < rows; r++) {
    candidates.col.push(new Int32Array(0));
    candidates.score.push(new Int32Array(0));
  }
  const kc = colCandidates;
  const colTopRow = new Int32Array(cols * kc).fill(-1);
  const colTopKey = new Float64Array(cols * kc).fill(-1);
  const rowTopCol = new Int32Array(rowCandidates);
  const rowTopKey = new Int32Array(rowCandidates);
  // The lowest score that can still enter each column's list, to skip most pairs with one comparison.
  const colFloor = new Int32Array(cols);
  const colStart = Int32Array.from({ length: cols }, (_, c) => Math.floor((c * rows) / cols));
  for (let r = 0; r < rows; r++) {
    rowTopKey.fill(0);
    rowTopCol.fill(-1);
    const base = r * cols;
    const start = rows > 0 ? Math.floor((r * cols) / rows) : 0;
    for (let step = 0; step < cols; step++) {
      const c = start + step < cols ? start + step : start + step - cols;
      const w = scores[base + c]!;
      if (w <= 0 || capacity[c]! <= 0) continue;
      if (w > rowTopKey[rowCandidates - 1]!) insertTop(rowTopCol, rowTopKey, 0, rowCandidates, c, w);
      if (w < colFloor[c]!) continue;
      // Columns see rows in order, so rotate their tie-break the same way.
      const rotated = r >= colStart[c]! ? r - colStart[c]! : r - colStart[c]! + rows;
      const key = w * rows + (rows - 1 - rotated);
      if (key > colTopKey[c * kc + kc - 1]!) {
        insertTopFloat(colTopRow, colTopKey, c * kc, kc, r, key);
        colFloor[c] = Math.max(0, Math.floor(colTopKey[c * kc + kc - 1]! / rows));
      }
    }
    for (let k = 0; k < rowCandidates && rowTopCol[k]! !== -1; k++) pushCandidate(candidates, r, rowTopCol[k]!, rowTopKey[k]!);
  }
  const seen = new Int32Array(cols).fill(-1);
  const extra: number[] = [];
  for (let c = 0; c < cols; c++) {
    for (let k = 0; k < kc; k++) {
      const r = colTopRow[c * kc + k]!;
      if (r !== -1) extra.push(r, c);
    }
  }
  // Add each column's rows unless the row already has that column.
  const byRow: number[][] = Array.from({ length: rows }, () => []);
  for (let k = 0; k < extra.length; k += 2) byRow[extra[k]!]!.push(extra[k + 1]!);
  for (let r = 0; r < rows; r++) {
    if (byRow[r]!.length === 0) continue;
    for (let k = 0; k < candidates.count[r]!; k++) seen[candidates.col[r]![k]!] = r;
    for (const c of byRow[r]!) {
      if (seen[c] === r) continue;
      seen[c] = r;
      pushCandidate(candidates, r, c, scores[r * cols + c]!);
    }
  }
  return candidates;
}

/** Inserts into a descending top list (strictly better only, so the earlier of equals stays). */
function insertTop(ids: Int32Array, keys: Int32Array, at: number, size: number, id: number, key: number): void {
  if (key <= keys[at + size - 1]!) return;
  let k = at + size - 1;
  while (k > at && keys[k - 1]! < key) {
    keys[k] = keys[k - 1]!;
    ids[k] = ids[k - 1]!;
    k--;
  }
  keys[k] = key;
  ids[k] = id;
}

function insertTopFloat(ids: Int32Array, keys: Float64Array, at: number, size: number, id: number, key: number): void {
  let k = at + size - 1;
  while (k > at && keys[k - 1]! < key) {
    keys[k] = keys[k - 1]!;
    ids[k] = ids[k - 1]!;
    k--;
  }
  keys[k] = key;
  ids[k] = id;
}

/**
 * Checks the duals against every allowed pair of the matrix. For each row that breaks one, adds
 * its most attractive pairs at the current column duals. Returns whether anything was added.
 */
function addViolations(
  rows: number,
  cols: number,
  scores: Int32Array,
  capacity: Int32Array,
  solved: Assignment,
  candidates: Candidates,
  perRow: number,
): boolean {
  const { rowDual: u, colDual: v } = solved;
  const topCol = new Int32Array(perRow);
  const topKey = new Int32Array(perRow);
  let added = false;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const ur = u[r]!;
    topCol.fill(-1);
    topKey.fill(0);
    for (let c = 0; c < cols; c++) {
      const w = scores[base + c]!;
      // A candidate pair never breaks the inequality, so every pair found here is new.
      if (w > ur + v[c]! && capacity[c]! > 0) insertTop(topCol, topKey, 0, perRow, c, w - v[c]! - ur);
    }
    for (let k = 0; k < perRow && topCol[k]! !== -1; k++) {
      pushCandidate(candidates, r, topCol[k]!, scores[base + topCol[k]!]!);
      added = true;
    }
  }
  return added;
}

function solveSparse(rows: number, cols: number, candidates: Candidates, capacity: Int32Array): Assignment {
  // Compressed candidate lists.
  const rowStart = new Int32Array(rows + 1);
  for (let r = 0; r < rows; r++) rowStart[r + 1] = rowStart[r]! + candidates.count[r]!;
  const edges = rowStart[rows]!;
  const edgeCol = new Int32Array(edges);
  const edgeScore = new Int32Array(edges);
  let top = 0;
  for (let r = 0; r < rows; r++) {
    edgeCol.set(candidates.col[r]!.subarray(0, candidates.count[r]!), rowStart[r]!);
    edgeScore.set(candidates.score[r]!.subarray(0, candidates.count[r]!), rowStart[r]!);
  }
  for (let e = 0; e < edges; e++) top = Math.max(top, edgeScore[e]!);

  const u = new Int32Array(rows);
  const v = new Int32Array(cols);
  for (let r = 0; r < rows; r++) if (rowStart[r + 1]! > rowStart[r]!) u[r] = top;
  const colOf = new Int32Array(rows).fill(-1);
  const spare = Int32Array.from(capacity, (k) => Math.max(0, k));
  // The rows each column holds, as doubly linked lists.
  const firstRow = new Int32Array(cols).fill(-1);
  const nextRow = new Int32Array(rows).fill(-1);
  const prevRow = new Int32Array(rows).fill(-1);
  const attach = (r: number, c: number) => {
    const old = colOf[r]!;
    if (old !== -1) {
      if (prevRow[r] === -1) firstRow[old] = nextRow[r]!;
      else nextRow[prevRow[r]!] = nextRow[r]!;
      if (nextRow[r] !== -1) prevRow[nextRow[r]!] = prevRow[r]!;
    }
    colOf[r] = c;
    prevRow[r] = -1;
    nextRow[r] = firstRow[c]!;
    if (firstRow[c] !== -1) prevRow[firstRow[c]!] = r;
    firstRow[c] = r;
  };

  const freeRows = new Int32Array(rows);
  let freeCount = 0;
  const collectFree = () => {
    freeCount = 0;
    for (let r = 0; r < rows; r++) if (colOf[r] === -1 && u[r]! > 0) freeRows[freeCount++] = r;
  };

  // Augmentation along tight paths (depth-first, each row visited once per round).
  const visited = new Int32Array(rows);
  let round = 0;
  const edgeAt = new Int32Array(rows);
  const stackRow = new Int32Array(rows);
  const stackCol = new Int32Array(rows);
  const augmentRound = (): number => {
    round++;
    let found = 0;
    for (let f = 0; f < freeCount; f++) {
      const root = freeRows[f]!;
      if (colOf[root] !== -1 || visited[root] === round) continue;
      let depth = 0;
      stackRow[0] = root;
      visited[root] = round;
      edgeAt[root] = rowStart[root]!;
      while (depth >= 0) {
        const r = stackRow[depth]!;
        let next = -1;
        let end = -1;
        while (edgeAt[r]! < rowStart[r + 1]!) {
          const e = edgeAt[r]!;
          const c = edgeCol[e]!;
          if (c === colOf[r] || u[r]! + v[c]! !== edgeScore[e]!) {
            edgeAt[r] = e + 1;
            continue;
          }
          if (spare[c]! > 0) {
            end = c;
            break;
          }
          for (let r2 = firstRow[c]!; r2 !== -1; r2 = nextRow[r2]!) {
            if (visited[r2] !== round) {
              next = r2;
              break;
            }
          }
          if (next !== -1) {
            stackCol[depth] = c;
            break;
          }
          edgeAt[r] = e + 1;
        }
        if (end !== -1) {
          spare[end]!--;
          for (let k = depth; k >= 0; k--) attach(stackRow[k]!, k === depth ? end : stackCol[k]!);
          found++;
          break;
        }
        if (next === -1) {
          depth--;
          continue;
        }
        visited[next] = round;
        edgeAt[next] = rowStart[next]!;
        stackRow[++depth] = next;
      }
    }
    return found;
  };

  // Bucket Dijkstra over reduced costs from all free rows at once (node r is row r, rows + c is column c).
  let bound = top;
  const dist = new Int32Array(rows + cols);
  const settled = new Int32Array(rows + cols);
  const bucketHead = new Int32Array(top + 1);
  const entryNode = new Int32Array(edges + 2 * rows + cols + 1);
  const entryNext = new Int32Array(entryNode.length);
  const lowerDuals = (): number => {
    const unreached = 0x7fffffff;
    dist.fill(unreached);
    bucketHead.fill(-1, 0, bound + 1);
    let entries = 0;
    const push = (node: number, d: number) => {
      dist[node] = d;
      entryNode[entries] = node;
      entryNext[entries] = bucketHead[d]!;
      bucketHead[d] = entries++;
    };
    for (let f = 0; f < freeCount; f++) push(freeRows[f]!, 0);
    let settledCount = 0;
    let reach = bound;
    search: for (let d = 0; d < reach; d++) {
      while (bucketHead[d] !== -1) {
        const entry = bucketHead[d]!;
        bucketHead[d] = entryNext[entry]!;
        const node = entryNode[entry]!;
        if (dist[node] !== d) continue;
        dist[node] = -1 - d; // settled, distance kept as -1 - d
        settled[settledCount++] = node;
        if (node < rows) {
          const ur = u[node]!;
          for (let e = rowStart[node]!; e < rowStart[node + 1]!; e++) {
            const c = edgeCol[e]!;
            if (c === colOf[node]) continue;
            const nd = d + ur + v[c]! - edgeScore[e]!;
            if (nd < reach && nd < dist[rows + c]! && dist[rows + c]! >= 0) push(rows + c, nd);
          }
        } else {
          const c = node - rows;
          if (spare[c]! > 0) {
            reach = d;
            break search;
          }
          for (let r = firstRow[c]!; r !== -1; r = nextRow[r]!) if (d < dist[r]! && dist[r]! >= 0) push(r, d);
        }
      }
    }
    for (let k = 0; k < settledCount; k++) {
      const node = settled[k]!;
      const lift = reach - (-1 - dist[node]!);
      if (node < rows) u[node]! -= lift;
      else v[node - rows]! += lift;
    }
    return reach;
  };

  while (bound > 0) {
    collectFree();
    if (freeCount === 0) break;
    if (augmentRound() > 0) continue;
    bound -= lowerDuals();
  }
  // Rows still free end with dual 0: leaving them unmatched costs nothing the duals can see.
  for (let r = 0; r < rows; r++) if (colOf[r] === -1) u[r] = 0;

  let totalScore = 0;
  let dualTotal = 0;
  for (let r = 0; r < rows; r++) dualTotal += u[r]!;
  for (let c = 0; c < cols; c++) dualTotal += Math.max(0, capacity[c]!) * v[c]!;
  for (let r = 0; r < rows; r++) {
    if (colOf[r] === -1) continue;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) if (edgeCol[e] === colOf[r]) totalScore += edgeScore[e]!;
  }
  if (totalScore !== dualTotal) throw new Error(`Assignment duals do not certify the total (${totalScore} vs ${dualTotal}).`);
  return { colOf, totalScore, rowDual: u, colDual: v };
}
