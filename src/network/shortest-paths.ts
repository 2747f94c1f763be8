import type { KernelGraph } from './brandes-kernel.js';
import { arcDistances, type Network } from './network.js';

/** Reusable buffers for single-source shortest paths, so a sweep over all sources allocates once. */
export interface PathWorkspace {
  distance: Float64Array;
  order: Int32Array;
  heapKey: Float64Array;
  heapNode: Int32Array;
  settled: Uint8Array;
}

export function pathWorkspace(graph: KernelGraph): PathWorkspace {
  const heap = graph.targets.length + 1;
  return {
    distance: new Float64Array(graph.n).fill(Infinity),
    order: new Int32Array(graph.n),
    heapKey: new Float64Array(heap),
    heapNode: new Int32Array(heap),
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
  const { heapKey, heapNode, settled } = ws;
  let size = 0;
  let count = 0;
  const push = (key: number, node: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent] <= key) break;
      heapKey[i] = heapKey[parent];
      heapNode[i] = heapNode[parent];
      i = parent;
    }
    heapKey[i] = key;
    heapNode[i] = node;
  };
  const pop = (): number => {
    const top = heapNode[0];
    const key = heapKey[--size];
    const node = heapNode[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapKey[child + 1] < heapKey[child]) child++;
      if (heapKey[child] >= key) break;
      heapKey[i] = heapKey[child];
      heapNode[i] = heapNode[child];
      i = child;
    }
    heapKey[i] = key;
    heapNode[i] = node;
    return top;
  };
  distance[source] = 0;
  push(0, source);
  while (size > 0) {
    const v = pop();
    if (settled[v]) continue;
    settled[v] = 1;
    order[count++] = v;
    const dv = distance[v];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      const candidate = dv + lengths[e];
      if (!settled[w] && candidate < distance[w]) {
        distance[w] = candidate;
        push(candidate, w);
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
