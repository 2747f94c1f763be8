import type { Network } from './network.js';

/**
 * Newman's modularity of a partition (resolution 1), ties weighted by strength. Directed networks use
 * the directed form (out-strength times in-strength over m^2), as NetworkX.
 */
export function modularity(network: Network, labels: Int32Array): number {
  const n = network.ids.length;
  const { tieSources, tieTargets, tieStrengths } = network;
  let communities = 0;
  for (let v = 0; v < n; v++) communities = Math.max(communities, labels[v] + 1);
  const outTotal = new Float64Array(communities);
  const inTotal = new Float64Array(communities);
  let m = 0;
  let internal = 0;
  for (let e = 0; e < tieSources.length; e++) {
    const w = tieStrengths[e];
    const a = labels[tieSources[e]];
    const b = labels[tieTargets[e]];
    m += w;
    outTotal[a] += w;
    inTotal[b] += w;
    if (!network.directed) {
      outTotal[b] += w;
      inTotal[a] += w;
    }
    if (a === b) internal += w;
  }
  if (m === 0) return 0;
  let expected = 0;
  const norm = network.directed ? m * m : 4 * m * m;
  for (let c = 0; c < communities; c++) expected += (outTotal[c] * inTotal[c]) / norm;
  return internal / m - expected;
}
