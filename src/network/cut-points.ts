import type { Network } from './network.js';

/**
 * Bridges (ties whose loss splits a component) and articulation points (actors whose loss does),
 * on the undirected view, by one iterative depth-first search with low links (Tarjan 1974).
 * Ties come back as index pairs [a, b] with a < b.
 */
export function cutPoints(network: Network): { bridges: [number, number][]; articulationPoints: number[] } {
  const n = network.ids.length;
  const { allOffsets, allTargets } = network;
  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  const isCut = new Uint8Array(n);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (discovered[root] >= 0) continue;
    let top = 0;
    stack[top++] = root;
    discovered[root] = low[root] = time++;
    cursor[root] = allOffsets[root];
    let rootChildren = 0;
    while (top > 0) {
      const v = stack[top - 1];
      if (cursor[v] < allOffsets[v + 1]) {
        const w = allTargets[cursor[v]++];
        if (discovered[w] < 0) {
          parent[w] = v;
          discovered[w] = low[w] = time++;
          cursor[w] = allOffsets[w];
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v], discovered[w]);
        }
        continue;
      }
      top--;
      const p = parent[v];
      if (p >= 0) {
        low[p] = Math.min(low[p], low[v]);
        if (low[v] > discovered[p]) bridges.push(p < v ? [p, v] : [v, p]);
        if (p !== root && low[v] >= discovered[p]) isCut[p] = 1;
      }
    }
    if (rootChildren > 1) isCut[root] = 1;
  }
  const articulationPoints: number[] = [];
  for (let v = 0; v < n; v++) if (isCut[v]) articulationPoints.push(v);
  return { bridges, articulationPoints };
}
