import type { Network } from './network.js';

/** Connected components of the undirected view (weak components when directed): a label per actor. */
export function componentLabels(
  network: Network,
  removed?: Uint8Array,
): { labels: Int32Array; count: number } {
  const n = network.ids.length;
  const { allOffsets, allTargets } = network;
  const labels = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (labels[s] >= 0 || removed?.[s]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    labels[s] = count;
    while (head < tail) {
      const v = queue[head++];
      for (let e = allOffsets[v]; e < allOffsets[v + 1]; e++) {
        const w = allTargets[e];
        if (labels[w] < 0 && !removed?.[w]) {
          labels[w] = count;
          queue[tail++] = w;
        }
      }
    }
    count++;
  }
  return { labels, count };
}

export function density(network: Network): number {
  const n = network.ids.length;
  if (n < 2) return 0;
  const pairs = network.directed ? n * (n - 1) : (n * (n - 1)) / 2;
  return network.tieSources.length / pairs;
}
