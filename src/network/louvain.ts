import { modularity } from './modularity.js';
import type { Network } from './network.js';
import { seededRandom, shuffledRange } from './prng.js';

interface LevelGraph {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weight of ties folded inside each node by earlier levels (counted once). */
  inside: Float64Array;
}

/**
 * Louvain communities (Blondel et al. 2008) on the undirected view, ties weighted by strength: local
 * moves in a seeded random order, then folding communities into nodes, until nothing moves. Louvain
 * depends on the order it visits actors, so on networks up to `restartsUpTo` actors it runs ten
 * orders drawn from the seed and keeps the partition of highest modularity. The same seed gives the
 * same communities. Returns a label per actor, numbered by first appearance.
 */
export function louvain(
  network: Network,
  options: { seed?: number; resolution?: number; restartsUpTo?: number } = {},
): Int32Array {
  const random = seededRandom(options.seed ?? 42);
  const resolution = options.resolution ?? 1;
  const runs = network.ids.length <= (options.restartsUpTo ?? 5000) ? 10 : 1;
  let best: Int32Array | null = null;
  let bestScore = -Infinity;
  for (let run = 0; run < runs; run++) {
    const labels = louvainOnce(network, random, resolution);
    const score = modularity(network, labels);
    if (score > bestScore + 1e-12) {
      best = labels;
      bestScore = score;
    }
  }
  return best!;
}

function louvainOnce(network: Network, random: () => number, resolution: number): Int32Array {
  let graph = undirectedView(network);
  const membership = new Int32Array(graph.n);
  for (let v = 0; v < graph.n; v++) membership[v] = v;
  for (;;) {
    const { labels, count, moved } = moveNodes(graph, random, resolution);
    if (!moved) break;
    for (let v = 0; v < membership.length; v++) membership[v] = labels[membership[v]];
    graph = fold(graph, labels, count);
  }
  return renumber(membership);
}

function renumber(labels: Int32Array): Int32Array {
  const seen = new Map<number, number>();
  return labels.map((l) => {
    if (!seen.has(l)) seen.set(l, seen.size);
    return seen.get(l)!;
  });
}

function undirectedView(network: Network): LevelGraph {
  const n = network.ids.length;
  const { tieSources, tieTargets, tieStrengths } = network;
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < tieSources.length; e++) {
    degree[tieSources[e] + 1]++;
    degree[tieTargets[e] + 1]++;
  }
  for (let v = 0; v < n; v++) degree[v + 1] += degree[v];
  const cursor = degree.slice(0, n);
  const targets = new Int32Array(2 * tieSources.length);
  const weights = new Float64Array(2 * tieSources.length);
  for (let e = 0; e < tieSources.length; e++) {
    const a = tieSources[e];
    const b = tieTargets[e];
    targets[cursor[a]] = b;
    weights[cursor[a]++] = tieStrengths[e];
    targets[cursor[b]] = a;
    weights[cursor[b]++] = tieStrengths[e];
  }
  return { n, offsets: degree, targets, weights, inside: new Float64Array(n) };
}

function moveNodes(graph: LevelGraph, random: () => number, resolution: number) {
  const { n, offsets, targets, weights, inside } = graph;
  const strength = new Float64Array(n);
  let twiceTotal = 0;
  for (let v = 0; v < n; v++) {
    strength[v] = 2 * inside[v];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) strength[v] += weights[e];
    twiceTotal += strength[v];
  }
  const labels = new Int32Array(n);
  const communityStrength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    labels[v] = v;
    communityStrength[v] = strength[v];
  }
  if (twiceTotal === 0) return { labels, count: n, moved: false };
  const linkTo = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  let moved = false;
  for (let improved = true; improved;) {
    improved = false;
    const order = shuffledRange(n, random);
    for (let i = 0; i < n; i++) {
      const v = order[i];
      const own = labels[v];
      let count = 0;
      linkTo[own] = 0;
      touched[count++] = own;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const c = labels[targets[e]];
        if (linkTo[c] < 0) {
          linkTo[c] = 0;
          touched[count++] = c;
        }
        linkTo[c] += weights[e];
      }
      communityStrength[own] -= strength[v];
      const share = (resolution * strength[v]) / twiceTotal;
      let best = own;
      let bestGain = linkTo[own] - communityStrength[own] * share;
      for (let t = 0; t < count; t++) {
        const c = touched[t];
        const gain = linkTo[c] - communityStrength[c] * share;
        // A strict margin keeps the result from depending on rounding between equal gains.
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      communityStrength[best] += strength[v];
      if (best !== own) {
        labels[v] = best;
        improved = true;
        moved = true;
      }
      for (let t = 0; t < count; t++) linkTo[touched[t]] = -1;
    }
  }
  const dense = renumber(labels);
  let count = 0;
  for (let v = 0; v < n; v++) count = Math.max(count, dense[v] + 1);
  return { labels: dense, count, moved };
}

function fold(graph: LevelGraph, labels: Int32Array, count: number): LevelGraph {
  const inside = new Float64Array(count);
  const rows: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  for (let v = 0; v < graph.n; v++) {
    const a = labels[v];
    inside[a] += graph.inside[v];
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
      const b = labels[graph.targets[e]];
      // Each undirected tie is seen from both ends: inside ties add half each time.
      if (a === b) inside[a] += graph.weights[e] / 2;
      else rows[a].set(b, (rows[a].get(b) ?? 0) + graph.weights[e]);
    }
  }
  const offsets = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) offsets[c + 1] = offsets[c] + rows[c].size;
  const targets = new Int32Array(offsets[count]);
  const weights = new Float64Array(offsets[count]);
  rows.forEach((row, c) => {
    let slot = offsets[c];
    for (const [b, w] of row) {
      targets[slot] = b;
      weights[slot++] = w;
    }
  });
  return { n: count, offsets, targets, weights, inside };
}
