import type { Network } from './network.js';

/** Number of ties of each actor, all directions counted (in + out when directed). */
export function degree(network: Network): Float64Array {
  const n = network.ids.length;
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    result[v] = network.outOffsets[v + 1] - network.outOffsets[v];
    if (network.directed) result[v] += network.inOffsets[v + 1] - network.inOffsets[v];
  }
  return result;
}
