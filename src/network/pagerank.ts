import type { Network } from './network.js';

/**
 * PageRank with damping 0.85 and uniform teleport; ties weighted by strength, actors without out-ties
 * spread their rank uniformly (NetworkX's convention). Iterated to full precision rather than
 * NetworkX's default tolerance, so the values are the fixed point itself.
 */
export function pagerank(
  network: Network,
  options: { damping?: number; maxIterations?: number; tolerance?: number } = {},
): Float64Array {
  const n = network.ids.length;
  if (n === 0) return new Float64Array(0);
  const alpha = options.damping ?? 0.85;
  const maxIterations = options.maxIterations ?? 10_000;
  const tolerance = options.tolerance ?? 1e-15;
  const { outOffsets, outStrengths, inOffsets, inTargets, inStrengths } = network;
  const outWeight = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let e = outOffsets[v]; e < outOffsets[v + 1]; e++) outWeight[v] += outStrengths[e];
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += x[v];
    const base = (alpha * dangling + (1 - alpha)) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let e = inOffsets[v]; e < inOffsets[v + 1]; e++) {
        const u = inTargets[e];
        sum += (x[u] * inStrengths[e]) / outWeight[u];
      }
      next[v] = alpha * sum + base;
      change += Math.abs(next[v] - x[v]);
    }
    [x, next] = [next, x];
    if (change < n * tolerance) break;
  }
  return x;
}
