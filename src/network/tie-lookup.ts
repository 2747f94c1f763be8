import type { Network } from './network.js';

/**
 * Strength of the tie between two actors on the undirected view (the stronger direction when both
 * exist), or 0 when there is none.
 */
export function tieStrengths(network: Network): (a: number, b: number) => number {
  const n = network.ids.length;
  const strengths = new Map<number, number>();
  const { tieSources, tieTargets, tieStrengths: values } = network;
  for (let e = 0; e < tieSources.length; e++) {
    const a = Math.min(tieSources[e], tieTargets[e]);
    const b = Math.max(tieSources[e], tieTargets[e]);
    const key = a * n + b;
    strengths.set(key, Math.max(strengths.get(key) ?? 0, values[e]));
  }
  return (a, b) => strengths.get(Math.min(a, b) * n + Math.max(a, b)) ?? 0;
}

/** True when the two actors are in different declared groups (both having one). */
export function acrossDivide(network: Network, a: number, b: number): boolean {
  const ga = network.groups[a];
  const gb = network.groups[b];
  return ga !== null && gb !== null && ga !== gb;
}
