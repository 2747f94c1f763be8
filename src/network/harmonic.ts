import type { Network } from './network.js';
import { clearPaths, incomingGraph, pathWorkspace, shortestPathsFrom } from './shortest-paths.js';

/** Harmonic closeness: the sum of 1/d over the actors that can reach each actor; not normalised. */
export function harmonic(network: Network): Float64Array {
  const graph = incomingGraph(network);
  const ws = pathWorkspace(graph);
  const result = new Float64Array(graph.n);
  for (let v = 0; v < graph.n; v++) {
    const reached = shortestPathsFrom(graph, v, ws);
    let total = 0;
    for (let i = 1; i < reached; i++) total += 1 / ws.distance[ws.order[i]];
    result[v] = total;
    clearPaths(ws, reached);
  }
  return result;
}
