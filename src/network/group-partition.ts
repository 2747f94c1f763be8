import type { Network } from './network.js';

/** The declared groups as community labels; each actor without a group stands alone. */
export function groupLabels(network: Network): Int32Array {
  const labels = new Int32Array(network.ids.length);
  const index = new Map<string, number>();
  let next = 0;
  network.groups.forEach((g, v) => {
    if (g === null) labels[v] = next++;
    else {
      if (!index.has(g)) index.set(g, next++);
      labels[v] = index.get(g)!;
    }
  });
  return labels;
}

export const hasGroups = (network: Network): boolean => network.groups.some((g) => g !== null);
