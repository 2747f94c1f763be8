/**
 * The inner loop of Brandes' betweenness, shared by the main thread and the worker threads: plain
 * typed arrays in, dependencies added into `into`. No allocation per source; memory O(n + m).
 * Each search writes down the arcs that lie on shortest paths as it meets them, so the way back reads
 * only those (about half of all arcs on a random graph) instead of testing every arc again:
 * - hop counts: breadth-first, each level found top-down or bottom-up (fromSourceHops);
 * - lengths on an undirected network: Dijkstra, predecessors found when an actor is settled
 *   (fromSourceWeightedSymmetric);
 * - lengths on a directed network: Dijkstra, and the way back tests each out-arc again (w follows v on a
 *   shortest path when d(w) = d(v) + len(v, w)), as the kernel holds no in-arc lengths (fromSourceWeighted).
 */
import { DistanceHeap } from './distance-heap.js';

export interface KernelGraph {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  /** Arc lengths (1 / strength), or null for hop counts. */
  lengths: Float64Array | null;
  /**
   * Arcs into each actor (the same rows as offsets/targets when undirected). With them, a breadth-first
   * level may be found from the side of the actors not yet reached; without them, always from the frontier.
   */
  inOffsets?: Int32Array;
  inTargets?: Int32Array;
  /** Every arc has its reverse, of the same length (an undirected network). */
  symmetric?: boolean;
}

export interface KernelWorkspace {
  hops: Int32Array;
  distance: Float64Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Int32Array;
  heap: DistanceHeap;
  settled: Uint8Array;
  /**
   * The arcs on shortest paths from the current source, by position in `order`: successors (levels found
   * top-down) and predecessors (levels found bottom-up, or every actor settled by Dijkstra on a symmetric graph).
   */
  successors: Int32Array;
  successorStart: Int32Array;
  predecessors: Int32Array;
  predecessorStart: Int32Array;
  /** Dependencies pushed back along predecessor arcs, waiting for the actor at their tail. */
  pending: Float64Array;
  unvisited: Int32Array;
}

/**
 * Two weighted path lengths within this relative distance are the same length. Lengths are sums of
 * 1 / strength, so paths that tie in exact arithmetic (1/3 + 1/3 + 1/3 against 1) can differ in the last
 * bit; comparing them exactly, as NetworkX does, silently drops shortest paths. igraph uses the same rule.
 */
export const tieTolerance = 1e-10;

export function createWorkspace(graph: KernelGraph): KernelWorkspace {
  const { n } = graph;
  const m = graph.targets.length;
  const weighted = graph.lengths !== null;
  // Arcs written down per source: successors (hop counts), predecessors (hop counts found bottom-up, or
  // lengths on a symmetric graph, found when an actor is settled).
  const recordsPredecessors = weighted ? graph.symmetric === true : graph.inOffsets !== undefined;
  return {
    hops: new Int32Array(weighted ? 0 : n).fill(-1),
    distance: new Float64Array(weighted ? n : 0).fill(Infinity),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    order: new Int32Array(n),
    heap: new DistanceHeap(weighted ? n : 0),
    settled: new Uint8Array(weighted ? n : 0),
    successors: new Int32Array(weighted ? 0 : m),
    successorStart: new Int32Array(weighted ? 0 : n + 1),
    predecessors: new Int32Array(recordsPredecessors ? m : 0),
    predecessorStart: new Int32Array(n + 1),
    pending: new Float64Array(n),
    unvisited: new Int32Array(weighted ? 0 : n),
  };
}

/**
 * Distances met on the way, summed per actor at their end over all sources: what closeness and harmonic
 * closeness need (distances *to* each actor), gathered in the same search as the dependencies, so the
 * three measures cost one pass over the sources instead of three.
 */
export interface PathSums {
  /** Sum of d(s, v) over the sources s that reach v. */
  total: Float64Array;
  /** How many sources reach v (v itself included, when it is a source). */
  reached: Float64Array;
  /** Sum of 1 / d(s, v) over the sources s != v that reach v. */
  harmonic: Float64Array;
}

export function createPathSums(n: number): PathSums {
  return { total: new Float64Array(n), reached: new Float64Array(n), harmonic: new Float64Array(n) };
}

/** Adds the distances from one source (in `order[0..count)`, distances in `hops` or `distance`) to `sums`. */
function addPathSums(
  sums: PathSums,
  order: Int32Array,
  count: number,
  hops: Int32Array | null,
  distance: Float64Array,
): void {
  const { total, reached, harmonic } = sums;
  reached[order[0]] += 1;
  for (let i = 1; i < count; i++) {
    const v = order[i];
    const d = hops ? hops[v] : distance[v];
    total[v] += d;
    reached[v] += 1;
    harmonic[v] += 1 / d;
  }
}

/**
 * Adds the dependencies of every source in `sources` to `into` (not yet normalised), and with `sums` the
 * distances of the same searches (closeness and harmonic closeness, see PathSums).
 */
export function accumulateDependencies(
  graph: KernelGraph,
  sources: ArrayLike<number>,
  into: Float64Array,
  workspace: KernelWorkspace = createWorkspace(graph),
  onSourceDone?: (done: number) => boolean | void,
  sums?: PathSums,
): void {
  for (let i = 0; i < sources.length; i++) {
    if (!graph.lengths) fromSourceHops(graph, sources[i], into, workspace, sums);
    else if (graph.symmetric) fromSourceWeightedSymmetric(graph, sources[i], into, workspace, sums);
    else fromSourceWeighted(graph, sources[i], into, workspace, sums);
    if (onSourceDone && onSourceDone(i + 1) === false) return;
  }
}

/**
 * Breadth-first Brandes from `s`, level by level. Each level is found from whichever side is cheaper
 * (Beamer's direction-optimising search): top-down scans the out-arcs of the frontier; bottom-up, once
 * the frontier's arcs outnumber those into the actors not yet reached, scans the in-arcs of those actors
 * instead (on a random graph this halves the arcs read, as most actors sit in the last two levels). Path
 * counts need every predecessor, so bottom-up scans all of an actor's in-arcs, not just up to the first.
 *
 * The arcs on shortest paths are written down as they are met, so the way back reads only those: the
 * successors of the actor at position i of the visiting order (levels found top-down) are
 * successors[successorStart[i] .. successorStart[i + 1]), its predecessors (levels found bottom-up)
 * predecessors[predecessorStart[i] .. predecessorStart[i + 1]). On the way back an actor pulls the
 * dependencies of its successors and pushes its own into `pending` of its predecessors.
 */
function fromSourceHops(
  graph: KernelGraph,
  s: number,
  into: Float64Array,
  ws: KernelWorkspace,
  sums?: PathSums,
): void {
  const { n, offsets, targets } = graph;
  const inOffsets = graph.inOffsets ?? null;
  const inTargets = graph.inTargets ?? targets;
  const { hops, sigma, delta, order, successors, successorStart, predecessors, predecessorStart } = ws;
  const { pending, unvisited } = ws;
  let tail = 0;
  order[tail++] = s;
  hops[s] = 0;
  sigma[s] = 1;
  predecessorStart[0] = 0;
  let successorCount = 0;
  let predecessorCount = 0;
  let unvisitedCount = -1;
  // Arcs out of the frontier (the cost of top-down) and into the actors not yet reached (of bottom-up).
  let frontierArcs = offsets[s + 1] - offsets[s];
  let unreachedArcs = inOffsets ? inTargets.length - (inOffsets[s + 1] - inOffsets[s]) : 0;
  let level = 0;
  let levelStart = 0;
  let levelEnd = 1;
  while (levelStart < levelEnd) {
    const next = level + 1;
    let nextArcs = 0;
    if (inOffsets === null || frontierArcs <= unreachedArcs) {
      for (let i = levelStart; i < levelEnd; i++) {
        successorStart[i] = successorCount;
        const v = order[i];
        const sv = sigma[v];
        const end = offsets[v + 1];
        for (let e = offsets[v]; e < end; e++) {
          const w = targets[e];
          const hw = hops[w];
          if (hw < 0) {
            hops[w] = next;
            sigma[w] = sv;
            predecessorStart[tail] = predecessorCount;
            order[tail++] = w;
            successors[successorCount++] = w;
            nextArcs += offsets[w + 1] - offsets[w];
            if (inOffsets !== null) unreachedArcs -= inOffsets[w + 1] - inOffsets[w];
          } else if (hw === next) {
            sigma[w] += sv;
            successors[successorCount++] = w;
          }
        }
      }
    } else {
      for (let i = levelStart; i < levelEnd; i++) successorStart[i] = successorCount;
      if (unvisitedCount < 0) {
        unvisitedCount = 0;
        for (let v = 0; v < n; v++) if (hops[v] < 0) unvisited[unvisitedCount++] = v;
      }
      let kept = 0;
      for (let k = 0; k < unvisitedCount; k++) {
        const u = unvisited[k];
        if (hops[u] >= 0) continue; // reached top-down since the list was made
        const first = predecessorCount;
        let paths = 0;
        const end = inOffsets[u + 1];
        for (let e = inOffsets[u]; e < end; e++) {
          const w = inTargets[e];
          if (hops[w] === level) {
            paths += sigma[w];
            predecessors[predecessorCount++] = w;
          }
        }
        if (predecessorCount > first) {
          hops[u] = next;
          sigma[u] = paths;
          predecessorStart[tail] = first;
          order[tail++] = u;
          nextArcs += offsets[u + 1] - offsets[u];
          unreachedArcs -= end - inOffsets[u];
        } else unvisited[kept++] = u;
      }
      unvisitedCount = kept;
    }
    levelStart = levelEnd;
    levelEnd = tail;
    frontierArcs = nextArcs;
    level = next;
  }
  successorStart[tail] = successorCount;
  predecessorStart[tail] = predecessorCount;
  if (sums) addPathSums(sums, order, tail, hops, ws.distance);
  // delta holds (1 + dependency) / sigma once an actor is done, so the arc loops only add.
  for (let i = tail - 1; i > 0; i--) {
    const v = order[i];
    let sum = pending[v];
    pending[v] = 0;
    const end = successorStart[i + 1];
    for (let j = successorStart[i]; j < end; j++) sum += delta[successors[j]];
    const sv = sigma[v];
    const dependency = sv * sum;
    const share = (1 + dependency) / sv;
    delta[v] = share;
    into[v] += dependency;
    const last = predecessorStart[i + 1];
    for (let j = predecessorStart[i]; j < last; j++) pending[predecessors[j]] += share;
  }
  pending[s] = 0;
  if (tail * 8 > n) hops.fill(-1);
  else for (let i = 0; i < tail; i++) hops[order[i]] = -1;
}

/**
 * Dijkstra Brandes on a symmetric graph. An actor's predecessors are settled before it, and each is also
 * at the end of one of its own arcs, so they are found while its arcs are scanned for relaxing: a settled
 * neighbour w with d(w) + len(w, v) = d(v) is a predecessor. Its path count is then final, and the way
 * back pushes each dependency along those arcs without testing any arc again.
 */
function fromSourceWeightedSymmetric(
  graph: KernelGraph,
  s: number,
  into: Float64Array,
  ws: KernelWorkspace,
  sums?: PathSums,
): void {
  const { offsets, targets } = graph;
  const lengths = graph.lengths!;
  const { distance, sigma, order, heap, settled, predecessors, predecessorStart, pending } = ws;
  let count = 0;
  let predecessorCount = 0;
  distance[s] = 0;
  heap.set(s, 0);
  while (heap.size > 0) {
    const v = heap.pop();
    settled[v] = 1;
    predecessorStart[count] = predecessorCount;
    order[count++] = v;
    const dv = distance[v];
    const slack = tieTolerance * dv;
    let paths = v === s ? 1 : 0;
    const end = offsets[v + 1];
    for (let e = offsets[v]; e < end; e++) {
      const w = targets[e];
      const candidate = dv + lengths[e];
      if (settled[w]) {
        if (Math.abs(distance[w] + lengths[e] - dv) <= slack) {
          paths += sigma[w];
          predecessors[predecessorCount++] = w;
        }
        continue;
      }
      const dw = distance[w];
      if (candidate < dw && (dw === Infinity || dw - candidate > tieTolerance * dw)) {
        distance[w] = candidate;
        heap.set(w, candidate);
      }
    }
    sigma[v] = paths;
  }
  predecessorStart[count] = predecessorCount;
  if (sums) addPathSums(sums, order, count, null, distance);
  for (let i = count - 1; i > 0; i--) {
    const v = order[i];
    const sv = sigma[v];
    const dependency = sv * pending[v];
    pending[v] = 0;
    const share = (1 + dependency) / sv;
    into[v] += dependency;
    const last = predecessorStart[i + 1];
    for (let j = predecessorStart[i]; j < last; j++) pending[predecessors[j]] += share;
  }
  pending[s] = 0;
  for (let i = 0; i < count; i++) {
    const v = order[i];
    distance[v] = Infinity;
    settled[v] = 0;
  }
}

function fromSourceWeighted(
  graph: KernelGraph,
  s: number,
  into: Float64Array,
  ws: KernelWorkspace,
  sums?: PathSums,
): void {
  const { offsets, targets } = graph;
  const lengths = graph.lengths!;
  const { distance, sigma, delta, order, heap, settled } = ws;
  let count = 0;
  distance[s] = 0;
  sigma[s] = 1;
  heap.set(s, 0);
  while (heap.size > 0) {
    const v = heap.pop();
    settled[v] = 1;
    order[count++] = v;
    const dv = distance[v];
    const sv = sigma[v];
    const end = offsets[v + 1];
    for (let e = offsets[v]; e < end; e++) {
      const w = targets[e];
      if (settled[w]) continue;
      const candidate = dv + lengths[e];
      const dw = distance[w];
      if (candidate < dw && (dw === Infinity || dw - candidate > tieTolerance * dw)) {
        distance[w] = candidate;
        sigma[w] = sv;
        heap.set(w, candidate);
      } else if (Math.abs(candidate - dw) <= tieTolerance * dw) sigma[w] += sv;
    }
  }
  if (sums) addPathSums(sums, order, count, null, distance);
  for (let i = count - 1; i > 0; i--) {
    const v = order[i];
    const dv = distance[v];
    let sum = 0;
    const end = offsets[v + 1];
    for (let e = offsets[v]; e < end; e++) {
      const w = targets[e];
      const dw = distance[w];
      if (settled[w] && dw > dv && Math.abs(dw - (dv + lengths[e])) <= tieTolerance * dw) sum += delta[w];
    }
    const sv = sigma[v];
    const dependency = sv * sum;
    delta[v] = (1 + dependency) / sv;
    into[v] += dependency;
  }
  for (let i = 0; i < count; i++) {
    const v = order[i];
    distance[v] = Infinity;
    settled[v] = 0;
  }
}
