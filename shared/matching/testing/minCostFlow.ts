/**
 * An exact solver written independently of the engine, for tests and the benchmark: maximum-weight
 * b-matching as a minimum-cost flow (source -> mentee, capacity 1; mentee -> mentor for allowed
 * pairs only, cost -score; mentor -> sink, capacity = the mentor's capacity), solved by successive
 * shortest paths with Johnson potentials and a binary-heap Dijkstra. It stops at the first path
 * that would not lower the cost, which is the maximum total score (the cost of k units is convex
 * in k). Forbidden pairs have no edge at all, and capacity is an edge capacity, not duplication.
 */
export interface WeightedEdge {
  mentee: number;
  mentor: number;
  score: number;
}

export function maxScoreByMinCostFlow(
  menteeCount: number,
  mentorCapacity: readonly number[],
  edges: readonly WeightedEdge[],
): { totalScore: number; pairs: [mentee: number, mentor: number][] } {
  const source = 0;
  const menteeNode = (j: number) => 1 + j;
  const mentorNode = (i: number) => 1 + menteeCount + i;
  const sink = 1 + menteeCount + mentorCapacity.length;
  const nodes = sink + 1;

  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const head = new Int32Array(nodes).fill(-1);
  const next: number[] = [];
  const addEdge = (u: number, v: number, capacity: number, c: number) => {
    for (const [a, b, k, w] of [[u, v, capacity, c], [v, u, 0, -c]] as const) {
      to.push(b);
      cap.push(k);
      cost.push(w);
      next.push(head[a]!);
      head[a] = to.length - 1;
    }
  };
  for (let j = 0; j < menteeCount; j++) addEdge(source, menteeNode(j), 1, 0);
  const firstPairEdge = to.length;
  for (const e of edges) addEdge(menteeNode(e.mentee), mentorNode(e.mentor), 1, -e.score);
  const lastPairEdge = to.length;
  mentorCapacity.forEach((k, i) => addEdge(mentorNode(i), sink, k, 0));

  // The network is acyclic at the start, so exact potentials follow in topological order.
  const potential = new Float64Array(nodes);
  for (const e of edges) potential[mentorNode(e.mentor)] = Math.min(potential[mentorNode(e.mentor)]!, -e.score);
  for (let i = 0; i < mentorCapacity.length; i++) potential[sink] = Math.min(potential[sink]!, potential[mentorNode(i)]!);

  const dist = new Float64Array(nodes);
  const via = new Int32Array(nodes);
  let totalCost = 0;
  for (;;) {
    dist.fill(Infinity);
    via.fill(-1);
    dist[source] = 0;
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (d > dist[u]!) continue;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        const nd = d + cost[e]! + potential[u]! - potential[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          via[v] = e;
          heap.push(nd, v);
        }
      }
    }
    if (dist[sink] === Infinity) break;
    const pathCost = dist[sink]! - potential[source]! + potential[sink]!;
    if (pathCost >= 0) break;
    for (let v = 0; v < nodes; v++) if (dist[v]! < Infinity) potential[v]! += dist[v]!;
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]!--;
      cap[via[v]! ^ 1]!++;
    }
    totalCost += pathCost;
  }

  const pairs: [number, number][] = [];
  for (let e = firstPairEdge; e < lastPairEdge; e += 2) {
    if (cap[e] === 0) pairs.push([to[e ^ 1]! - 1, to[e]! - 1 - menteeCount]);
  }
  return { totalScore: 0 - totalCost + 0, pairs };
}

class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size() {
    return this.keys.length;
  }
  push(key: number, value: number) {
    const { keys, values } = this;
    let k = keys.length;
    keys.push(key);
    values.push(value);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[k] = keys[parent]!;
      values[k] = values[parent]!;
      k = parent;
    }
    keys[k] = key;
    values[k] = value;
  }
  pop(): [number, number] {
    const { keys, values } = this;
    const top: [number, number] = [keys[0]!, values[0]!];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
        if (keys[child]! >= lastKey) break;
        keys[k] = keys[child]!;
        values[k] = values[child]!;
        k = child;
      }
      keys[k] = lastKey;
      values[k] = lastValue;
    }
    return top;
  }
}
