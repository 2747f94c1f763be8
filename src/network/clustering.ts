import type { Network } from './network.js';

/**
 * Local clustering coefficient (unweighted). Undirected: closed pairs of neighbours / all pairs.
 * Directed: Fagiolo's (2007) directed triangles over 2(d_tot(d_tot-1) - 2 d_bi), as NetworkX.
 */
export function clustering(network: Network): Float64Array {
  return network.directed ? directedClustering(network) : undirectedClustering(network);
}

function undirectedClustering(network: Network): Float64Array {
  const n = network.ids.length;
  const { outOffsets: off, outTargets: adj } = network;
  const mark = new Int32Array(n).fill(-1);
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const d = off[v + 1] - off[v];
    if (d < 2) continue;
    for (let e = off[v]; e < off[v + 1]; e++) mark[adj[e]] = v;
    let links = 0;
    for (let e = off[v]; e < off[v + 1]; e++) {
      const u = adj[e];
      for (let f = off[u]; f < off[u + 1]; f++) if (mark[adj[f]] === v) links++;
    }
    result[v] = links / (d * (d - 1));
  }
  return result;
}

function directedClustering(network: Network): Float64Array {
  const n = network.ids.length;
  const { outOffsets, outTargets, inOffsets, inTargets } = network;
  // Bit 1: w is a successor of v; bit 2: w is a predecessor of v.
  const role = new Uint8Array(n);
  const result = new Float64Array(n);
  const rolesOf = (j: number, into: Uint8Array) => {
    for (let e = outOffsets[j]; e < outOffsets[j + 1]; e++) into[outTargets[e]] |= 1;
    for (let e = inOffsets[j]; e < inOffsets[j + 1]; e++) into[inTargets[e]] |= 2;
  };
  const clear = (j: number, into: Uint8Array) => {
    for (let e = outOffsets[j]; e < outOffsets[j + 1]; e++) into[outTargets[e]] = 0;
    for (let e = inOffsets[j]; e < inOffsets[j + 1]; e++) into[inTargets[e]] = 0;
  };
  const count = (bits: number) => (bits & 1) + ((bits >> 1) & 1);
  for (let v = 0; v < n; v++) {
    rolesOf(v, role);
    const outDegree = outOffsets[v + 1] - outOffsets[v];
    const inDegree = inOffsets[v + 1] - inOffsets[v];
    let bidirectional = 0;
    for (let e = outOffsets[v]; e < outOffsets[v + 1]; e++) if (role[outTargets[e]] === 3) bidirectional++;
    let triangles = 0;
    // Each neighbour j once per relation to v (NetworkX iterates chain(preds, succs)).
    const visit = (j: number) => {
      for (let e = outOffsets[j]; e < outOffsets[j + 1]; e++) {
        const k = outTargets[e];
        if (k !== v) triangles += count(role[k]);
      }
      for (let e = inOffsets[j]; e < inOffsets[j + 1]; e++) {
        const k = inTargets[e];
        if (k !== v) triangles += count(role[k]);
      }
    };
    for (let e = inOffsets[v]; e < inOffsets[v + 1]; e++) visit(inTargets[e]);
    for (let e = outOffsets[v]; e < outOffsets[v + 1]; e++) visit(outTargets[e]);
    clear(v, role);
    const total = outDegree + inDegree;
    const denominator = (total * (total - 1) - 2 * bidirectional) * 2;
    result[v] = triangles === 0 ? 0 : triangles / denominator;
  }
  return result;
}
