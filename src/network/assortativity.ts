import type { Network } from './network.js';

/**
 * Attribute assortativity of the declared groups (Newman 2003), as NetworkX: from the mixing matrix
 * of tie ends (each undirected tie both ways), r = (tr e - sum a_i b_i) / (1 - sum a_i b_i). Ties
 * touching an actor without a group are left out. Null when undefined.
 */
export function assortativity(network: Network): number | null {
  const { tieSources, tieTargets, groups } = network;
  const index = new Map<string, number>();
  for (const g of groups) if (g !== null && !index.has(g)) index.set(g, index.size);
  const k = index.size;
  const mix = new Float64Array(k * k);
  let total = 0;
  for (let e = 0; e < tieSources.length; e++) {
    const a = groups[tieSources[e]];
    const b = groups[tieTargets[e]];
    if (a === null || b === null) continue;
    const i = index.get(a)!;
    const j = index.get(b)!;
    mix[i * k + j]++;
    total++;
    if (!network.directed) {
      mix[j * k + i]++;
      total++;
    }
  }
  if (total === 0) return null;
  let trace = 0;
  let products = 0;
  for (let i = 0; i < k; i++) {
    trace += mix[i * k + i] / total;
    let row = 0;
    let column = 0;
    for (let j = 0; j < k; j++) {
      row += mix[i * k + j] / total;
      column += mix[j * k + i] / total;
    }
    products += row * column;
  }
  return products === 1 ? null : (trace - products) / (1 - products);
}
