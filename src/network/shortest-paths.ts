import type { KernelGraph } from './brandes-kernel.js';
import { DistanceHeap } from './distance-heap.js';
import { arcDistances, type Network } from './network.js';

/** Reusable buffers for single-source shortest paths, so a sweep over all sources allocates once. */
export interface PathWorkspace {
  distance: Float64Array;
  order: Int32Array;
  heap: DistanceHeap;
  settled: Uint8Array;
}

export function pathWorkspace(graph: KernelGraph): PathWorkspace {
  return {
    distance: new Float64Array(graph.n).fill(Infinity),
    order: new Int32Array(graph.n),
    heap: new DistanceHeap(graph.n),
    settled: new Uint8Array(graph.n),
  };
}

/** Arcs pointing into each actor: distances from a source in this graph are distances *to* it. */
export function incomingGraph(network: Network): KernelGraph {
  return {
    n: network.ids.length,
    offsets: network.inOffsets,
    targets: network.inTargets,
    lengths: arcDistances(network, 'in'),
  };
}

export function outgoingGraph(network: Network): KernelGraph {
  return {
    n: network.ids.length,
    offsets: network.outOffsets,
    targets: network.outTargets,
    lengths: arcDistances(network, 'out'),
  };
}

/**
 * Shortest distances from `source` (hops, or sums of 1 / strength). Fills `ws.order` with the reached
 * actors in order of distance and `ws.distance` for them; returns how many were reached. Call
 * `clearPaths` before the next source.
 */
export function shortestPathsFrom(graph: KernelGraph, source: number, ws: PathWorkspace): number {
  const { offsets, targets, lengths } = graph;
  const { distance, order } = ws;
  if (!lengths) {
    let head = 0;
    let tail = 0;
    distance[source] = 0;
    order[tail++] = source;
    while (head < tail) {
      const v = order[head++];
      const next = distance[v] + 1;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = targets[e];
        if (distance[w] === Infinity) {
          distance[w] = next;
          order[tail++] = w;
        }
      }
    }
    return tail;
  }
  const { heap, settled } = ws;
  let count = 0;
  distance[source] = 0;
  heap.set(source, 0);
  while (heap.size > 0) {
    const v = heap.pop();
    settled[v] = 1;
    order[count++] = v;
    const dv = distance[v];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      const candidate = dv + lengths[e];
      if (!settled[w] && candidate < distance[w]) {
        distance[w] = candidate;
        heap.set(w, candidate);
      }
    }
  }
  return count;
}

export function clearPaths(ws: PathWorkspace, reached: number): void {
  for (let i = 0; i < reached; i++) {
    const v = ws.order[i];
    ws.distance[v] = Infinity;
    ws.settled[v] = 0;
  }
}
