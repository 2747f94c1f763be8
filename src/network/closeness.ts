import type { Network } from './network.js';
import { clearPaths, incomingGraph, pathWorkspace, shortestPathsFrom } from './shortest-paths.js';

/**
 * Closeness as NetworkX computes it: distances *to* each actor, (r-1)/sum(d) scaled by (r-1)/(n-1)
 * where r actors (itself included) can reach it (Wasserman & Faust's correction for disconnected networks).
 */
export function closeness(network: Network): Float64Array {
  const graph = incomingGraph(network);
  const n = graph.n;
  const ws = pathWorkspace(graph);
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const reached = shortestPathsFrom(graph, v, ws);
    let total = 0;
    for (let i = 0; i < reached; i++) total += ws.distance[ws.order[i]];
    if (total > 0 && n > 1) result[v] = ((reached - 1) / total) * ((reached - 1) / (n - 1));
    clearPaths(ws, reached);
  }
  return result;
}
