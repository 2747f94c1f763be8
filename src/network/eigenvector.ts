import type { Network } from './network.js';

/**
 * Eigenvector centrality: the leading eigenvector of the (weighted) adjacency matrix, scores flowing
 * along ties into each actor, unit Euclidean norm, positive. Power iteration on A + I, whose shift
 * makes it converge on bipartite networks too, run until the vector stops changing in the last digits
 * (the reference values are exact eigenvectors, not NetworkX's loose 1e-6 iteration).
 */
export function eigenvector(network: Network, options: { maxIterations?: number; tolerance?: number } = {}) {
  const n = network.ids.length;
  const { inOffsets, inTargets, inStrengths } = network;
  const maxIterations = options.maxIterations ?? 100_000;
  const tolerance = options.tolerance ?? 1e-15;
  let x = new Float64Array(n).fill(n > 0 ? 1 / Math.sqrt(n) : 0);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let norm = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v];
      for (let e = inOffsets[v]; e < inOffsets[v + 1]; e++) sum += x[inTargets[e]] * inStrengths[e];
      next[v] = sum;
      norm += sum * sum;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return next;
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v] /= norm;
      change = Math.max(change, Math.abs(next[v] - x[v]));
    }
    [x, next] = [next, x];
    if (change < tolerance) break;
  }
  return x;
}
