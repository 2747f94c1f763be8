import type { Network } from './network.js';

/**
 * Krackhardt & Stern's E-I index over the declared groups: (external - internal) / (external + internal)
 * ties, counting ties between two actors who both have a group. Null when there are none.
 */
export function eiIndex(network: Network): number | null {
  const { tieSources, tieTargets, groups } = network;
  let external = 0;
  let internal = 0;
  for (let e = 0; e < tieSources.length; e++) {
    const a = groups[tieSources[e]];
    const b = groups[tieTargets[e]];
    if (a === null || b === null) continue;
    if (a === b) internal++;
    else external++;
  }
  const all = external + internal;
  return all === 0 ? null : (external - internal) / all;
}
