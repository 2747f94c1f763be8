/**
 * The inner loop of Brandes' betweenness, shared by the main thread and the worker threads: plain
 * typed arrays in, dependencies added into `into`. No allocation per source. With hop counts, the arcs
 * on shortest paths are written into one flat array during the breadth-first pass, grouped by tail in
 * visiting order, so the way back reads only those arcs, in order (about half of all arcs on a random
 * graph), instead of testing every arc again. With lengths, Dijkstra may still replace a tentative
 * predecessor, so the way back finds the predecessors again (w follows v on a shortest path when
 * d(w) = d(v) + len(v, w)); memory stays O(n + m) either way.
 */
import { DistanceHeap } from './distance-heap.js';

export interface KernelGraph {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  /** Arc lengths (1 / strength), or null for hop counts. */
  lengths: Float64Array | null;
}

export interface KernelWorkspace {
  hops: Int32Array;
  distance: Float64Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Int32Array;
  heap: DistanceHeap;
  settled: Uint8Array;
  /** Hop counts only: the arcs on shortest paths from the current source, grouped by tail. */
  successors: Int32Array;
  successorStart: Int32Array;
}

/**
 * Two weighted path lengths within this relative distance are the same length. Lengths are sums of
 * 1 / strength, so paths that tie in exact arithmetic (1/3 + 1/3 + 1/3 against 1) can differ in the last
 * bit; comparing them exactly, as NetworkX does, silently drops shortest paths. igraph uses the same rule.
 */
export const tieTolerance = 1e-10;

export function createWorkspace(graph: KernelGraph): KernelWorkspace {
  const { n } = graph;
  const heapSize = graph.lengths ? graph.targets.length + 1 : 0;
  return {
    hops: new Int32Array(n).fill(-1),
    distance: new Float64Array(graph.lengths ? n : 0).fill(Infinity),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    order: new Int32Array(n),
    heap: new DistanceHeap(heapSize),
    settled: new Uint8Array(graph.lengths ? n : 0),
    successors: new Int32Array(graph.lengths ? 0 : graph.targets.length),
    successorStart: new Int32Array(graph.lengths ? 0 : n + 1),
  };
}

/** Adds the dependencies of every source in `sources` to `into` (not yet normalised). */
export function accumulateDependencies(
  graph: KernelGraph,
  sources: ArrayLike<number>,
  into: Float64Array,
  workspace: KernelWorkspace = createWorkspace(graph),
  onSourceDone?: (done: number) => boolean | void,
): void {
  for (let i = 0; i < sources.length; i++) {
    if (graph.lengths) fromSourceWeighted(graph, sources[i], into, workspace);
    else fromSourceHops(graph, sources[i], into, workspace);
    if (onSourceDone && onSourceDone(i + 1) === false) return;
  }
}

function fromSourceHops(graph: KernelGraph, s: number, into: Float64Array, ws: KernelWorkspace): void {
  const { offsets, targets } = graph;
  const { hops, sigma, delta, order, successors, successorStart } = ws;
  let head = 0;
  let tail = 0;
  let arcs = 0;
  order[tail++] = s;
  hops[s] = 0;
  sigma[s] = 1;
  // The arcs that lie on shortest paths are written down as they are met: the successors of the actor
  // at position i of the breadth-first order are successors[successorStart[i] .. successorStart[i + 1]).
  while (head < tail) {
    successorStart[head] = arcs;
    const v = order[head++];
    const next = hops[v] + 1;
    const sv = sigma[v];
    const end = offsets[v + 1];
    for (let e = offsets[v]; e < end; e++) {
      const w = targets[e];
      const hw = hops[w];
      if (hw < 0) {
        hops[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
        successors[arcs++] = w;
      } else if (hw === next) {
        sigma[w] += sv;
        successors[arcs++] = w;
      }
    }
  }
  successorStart[tail] = arcs;
  // delta holds (1 + dependency) / sigma once an actor is done, so the arc loop only adds.
  for (let i = tail - 1; i > 0; i--) {
    let sum = 0;
    const end = successorStart[i + 1];
    for (let j = successorStart[i]; j < end; j++) sum += delta[successors[j]];
    const v = order[i];
    const sv = sigma[v];
    const dependency = sv * sum;
    delta[v] = (1 + dependency) / sv;
    into[v] += dependency;
  }
  if (tail * 8 > graph.n) hops.fill(-1);
  else for (let i = 0; i < tail; i++) hops[order[i]] = -1;
}

function fromSourceWeighted(graph: KernelGraph, s: number, into: Float64Array, ws: KernelWorkspace): void {
  const { offsets, targets } = graph;
  const lengths = graph.lengths!;
  const { distance, sigma, delta, order, heap, settled } = ws;
  let count = 0;
  distance[s] = 0;
  sigma[s] = 1;
  heap.push(0, s);
  while (heap.size > 0) {
    const v = heap.pop();
    if (settled[v]) continue;
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
        heap.push(candidate, w);
      } else if (Math.abs(candidate - dw) <= tieTolerance * dw) sigma[w] += sv;
    }
  }
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
