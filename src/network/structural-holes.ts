import type { Network } from './network.js';

/**
 * Burt's (1992) constraint and effective size, as NetworkX computes them: p_uv is the mutual weight
 * of u and v (ties both ways, summed) over u's total; effective size discounts each contact by its
 * redundancy with the others. Both are undefined (null) for an isolate.
 */
export interface StructuralHoles {
  constraint: (number | null)[];
  effectiveSize: (number | null)[];
}

export function structuralHoles(network: Network): StructuralHoles {
  const n = network.ids.length;
  const { allOffsets, allTargets } = network;
  const mutual = mutualWeights(network);
  // Row totals and row maxima of mutual weight, for the p (sum) and m (max) normalisations.
  const total = new Float64Array(n);
  const largest = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let e = allOffsets[v]; e < allOffsets[v + 1]; e++) {
      total[v] += mutual[e];
      largest[v] = Math.max(largest[v], mutual[e]);
    }
  }
  // Scatter row v of the mutual weights, then read pairs (w, x) by looking at row w.
  const position = new Int32Array(n).fill(-1);
  const indirect = new Float64Array(n);
  const redundancy = new Float64Array(n);
  const constraint: (number | null)[] = new Array(n).fill(null);
  const effectiveSize: (number | null)[] = new Array(n).fill(null);
  for (let v = 0; v < n; v++) {
    const start = allOffsets[v];
    const end = allOffsets[v + 1];
    if (start === end) continue;
    for (let e = start; e < end; e++) {
      position[allTargets[e]] = e;
      indirect[allTargets[e]] = 0;
      redundancy[allTargets[e]] = 0;
    }
    for (let e = start; e < end; e++) {
      const w = allTargets[e];
      const pvw = mutual[e] / total[v];
      for (let f = allOffsets[w]; f < allOffsets[w + 1]; f++) {
        const x = allTargets[f];
        if (position[x] < 0 || x === v) continue;
        // x is a contact of v reached through contact w.
        indirect[x] += pvw * (mutual[f] / total[w]);
        redundancy[x] += pvw * (largest[x] === 0 ? 0 : mutual[f] / largest[x]);
      }
    }
    let c = 0;
    let size = 0;
    for (let e = start; e < end; e++) {
      const x = allTargets[e];
      const direct = mutual[e] / total[v];
      c += (direct + indirect[x]) ** 2;
      size += 1 - redundancy[x];
      position[x] = -1;
    }
    constraint[v] = c;
    effectiveSize[v] = size;
  }
  return { constraint, effectiveSize };
}

/** Mutual weight a_uv + a_vu for each entry of the all-neighbours rows. */
function mutualWeights(network: Network): Float64Array {
  const n = network.ids.length;
  const { allOffsets, allTargets, outOffsets, outTargets, outStrengths, inOffsets, inTargets, inStrengths } =
    network;
  const weight = new Float64Array(n);
  const mutual = new Float64Array(allTargets.length);
  for (let v = 0; v < n; v++) {
    for (let e = outOffsets[v]; e < outOffsets[v + 1]; e++) weight[outTargets[e]] += outStrengths[e];
    for (let e = inOffsets[v]; e < inOffsets[v + 1]; e++) weight[inTargets[e]] += inStrengths[e];
    for (let e = allOffsets[v]; e < allOffsets[v + 1]; e++) {
      mutual[e] = weight[allTargets[e]];
    }
    for (let e = allOffsets[v]; e < allOffsets[v + 1]; e++) weight[allTargets[e]] = 0;
  }
  return mutual;
}
