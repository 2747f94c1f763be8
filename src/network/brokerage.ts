import type { Network } from './network.js';

/** Gould & Fernandez (1989) brokerage roles of one actor, counted as R sna's brokerage(). */
export interface BrokerageRoles {
  coordinator: number;
  itinerant: number;
  representative: number;
  gatekeeper: number;
  liaison: number;
  total: number;
}

/**
 * For every two-step path i -> j -> k with no tie i -> k, broker j takes a role by the groups of
 * i, j and k: coordinator (all one group), representative (i with j, k outside), gatekeeper (j with k,
 * i outside), itinerant (i with k, j outside), liaison (all different). An undirected tie counts in
 * both directions. Actors without a group form one group of their own ("no group").
 */
export function brokerage(network: Network): BrokerageRoles[] {
  const n = network.ids.length;
  const { outOffsets, outTargets } = network;
  const groupIndex = new Map<string | null, number>();
  const group = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const g = network.groups[v];
    if (!groupIndex.has(g)) groupIndex.set(g, groupIndex.size);
    group[v] = groupIndex.get(g)!;
  }
  const counts = new Float64Array(5 * n);
  const adjacentFrom = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let e = outOffsets[i]; e < outOffsets[i + 1]; e++) adjacentFrom[outTargets[e]] = i;
    for (let e = outOffsets[i]; e < outOffsets[i + 1]; e++) {
      const j = outTargets[e];
      for (let f = outOffsets[j]; f < outOffsets[j + 1]; f++) {
        const k = outTargets[f];
        if (k === i || adjacentFrom[k] === i) continue;
        const gi = group[i];
        const gj = group[j];
        const gk = group[k];
        let role: number;
        if (gi === gj) role = gj === gk ? 0 : 2;
        else if (gj === gk) role = 3;
        else if (gi === gk) role = 1;
        else role = 4;
        counts[role * n + j]++;
      }
    }
  }
  const roles: BrokerageRoles[] = [];
  for (let v = 0; v < n; v++) {
    const r = [0, 1, 2, 3, 4].map((role) => counts[role * n + v]);
    roles.push({
      coordinator: r[0],
      itinerant: r[1],
      representative: r[2],
      gatekeeper: r[3],
      liaison: r[4],
      total: r[0] + r[1] + r[2] + r[3] + r[4],
    });
  }
  return roles;
}
