import { describe, expect, it } from 'vitest';
import {
  accumulateDependencies,
  createWorkspace,
  tieTolerance,
  type KernelGraph,
} from '../../src/network/brandes-kernel.js';
import { kernelGraph } from '../../src/network/betweenness.js';
import { arcDistances, buildNetwork, type Network } from '../../src/network/network.js';
import { seededRandom } from '../../src/network/prng.js';

/**
 * The hop-count kernel finds each breadth-first level top-down or bottom-up, whichever reads fewer
 * arcs, and keeps the shortest-path arcs of each side in its own list. These graphs are shaped so that
 * every mix occurs (bottom-up from the first level on a star, top-down then bottom-up on dense random
 * graphs, back to top-down when a large unreached part is cut off), and each is checked against a
 * textbook Brandes with predecessor lists and against the kernel held to top-down only.
 */

/** What one search from a source leaves for the way back: actors in the order reached, path counts, predecessors. */
interface Search {
  stack: number[];
  sigma: number[];
  predecessors: number[][];
}

/** Brandes (2001) as printed: a search from every actor, then dependencies accumulated off its stack. */
function textbookDependencies(network: Network, search: (s: number) => Search): Float64Array {
  const n = network.ids.length;
  const result = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const { stack, sigma, predecessors } = search(s);
    const delta = new Array<number>(n).fill(0);
    while (stack.length > 0) {
      const w = stack.pop()!;
      for (const v of predecessors[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) result[w] += delta[w];
    }
  }
  return result;
}

/** Breadth-first search with a queue. */
function breadthFirst(network: Network, s: number): Search {
  const n = network.ids.length;
  const { outOffsets, outTargets } = network;
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  const sigma = new Array<number>(n).fill(0);
  const distance = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  const queue = [s];
  sigma[s] = 1;
  distance[s] = 0;
  while (queue.length > 0) {
    const v = queue.shift()!;
    stack.push(v);
    for (let e = outOffsets[v]; e < outOffsets[v + 1]; e++) {
      const w = outTargets[e];
      if (distance[w] < 0) {
        queue.push(w);
        distance[w] = distance[v] + 1;
      }
      if (distance[w] === distance[v] + 1) {
        sigma[w] += sigma[v];
        predecessors[w].push(v);
      }
    }
  }
  return { stack, sigma, predecessors };
}

/** Dijkstra by linear search (no heap), path lengths 1 / strength, igraph's tie tolerance. */
function dijkstra(network: Network, s: number): Search {
  const n = network.ids.length;
  const { outOffsets, outTargets } = network;
  const lengths = arcDistances(network)!;
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  const sigma = new Array<number>(n).fill(0);
  const distance = new Array<number>(n).fill(Infinity);
  const settled = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  sigma[s] = 1;
  distance[s] = 0;
  for (;;) {
    let v = -1;
    for (let u = 0; u < n; u++) if (!settled[u] && distance[u] < (v < 0 ? Infinity : distance[v])) v = u;
    if (v < 0) break;
    settled[v] = true;
    stack.push(v);
    for (let e = outOffsets[v]; e < outOffsets[v + 1]; e++) {
      const w = outTargets[e];
      if (settled[w]) continue;
      const candidate = distance[v] + lengths[e];
      if (distance[w] === Infinity || distance[w] - candidate > tieTolerance * distance[w]) {
        distance[w] = candidate;
        sigma[w] = sigma[v];
        predecessors[w] = [v];
      } else if (Math.abs(candidate - distance[w]) <= tieTolerance * distance[w]) {
        sigma[w] += sigma[v];
        predecessors[w].push(v);
      }
    }
  }
  return { stack, sigma, predecessors };
}

function kernelDependencies(graph: KernelGraph): Float64Array {
  const raw = new Float64Array(graph.n);
  const sources = Int32Array.from({ length: graph.n }, (_, i) => i);
  // One workspace for every source, as in use: what one source leaves behind must not leak into the next.
  accumulateDependencies(graph, sources, raw, createWorkspace(graph));
  return raw;
}

function randomTies(n: number, m: number, seed: number, offset = 0): { source: string; target: string }[] {
  const random = seededRandom(seed);
  const ties = [];
  for (let k = 0; k < m; k++) {
    const a = offset + Math.floor(random() * n);
    const b = offset + Math.floor(random() * n);
    ties.push({ source: String(a), target: String(b) });
  }
  return ties;
}

function actors(n: number): { id: string }[] {
  return Array.from({ length: n }, (_, i) => ({ id: String(i) }));
}

const star = Array.from({ length: 59 }, (_, i) => ({ source: '0', target: String(i + 1) }));
const path = Array.from({ length: 119 }, (_, i) => ({ source: String(80 + i), target: String(81 + i) }));

const cases: [string, boolean, { id: string }[], { source: string; target: string }[]][] = [
  ['a star', false, actors(60), star],
  [
    'a directed star, half the arcs into the centre',
    true,
    actors(60),
    star.map((t, i) => (i % 2 === 0 ? t : { source: t.target, target: t.source })),
  ],
  ['a dense random graph', false, actors(150), randomTies(150, 2_500, 11)],
  ['a sparse random graph in many pieces', false, actors(300), randomTies(300, 260, 12)],
  ['a directed random graph', true, actors(200), randomTies(200, 1_600, 13)],
  [
    'a dense cluster beside a long path it cannot reach',
    false,
    actors(200),
    [...randomTies(80, 1_200, 14), ...path, { source: '0', target: '80' }],
  ],
  ['a directed cluster and path', true, actors(200), [...randomTies(80, 1_200, 15), ...path]],
];

describe.each(cases)('the hop-count kernel on %s', (_name, directed, nodes, ties) => {
  const network = buildNetwork({ directed, nodes, ties });
  const expected = textbookDependencies(network, (s) => breadthFirst(network, s));

  it('matches textbook Brandes to 1e-9', () => {
    const got = kernelDependencies(kernelGraph(network));
    for (let v = 0; v < network.ids.length; v++) expect(Math.abs(got[v] - expected[v])).toBeLessThan(1e-9);
    expect(expected.some((x) => x > 0)).toBe(true);
  });

  it('matches the kernel held to top-down levels', () => {
    const { inOffsets: _in, inTargets: _targets, ...topDownOnly } = kernelGraph(network);
    const got = kernelDependencies(topDownOnly);
    for (let v = 0; v < network.ids.length; v++) expect(Math.abs(got[v] - expected[v])).toBeLessThan(1e-9);
  });
});

/**
 * Strengths whose path lengths (1, 0.5, 0.3, 0.2, 0.1) tie only within the tolerance: 0.1 + 0.2 is
 * 0.30000000000000004 in floating point, not 0.3, so an exact comparison would drop shortest paths.
 */
const strengthChoices = [1, 2, 10 / 3, 5, 10];
function weighted(ties: { source: string; target: string }[], seed: number) {
  const random = seededRandom(seed);
  return ties.map((tie) => ({ ...tie, strength: strengthChoices[Math.floor(random() * 5)] }));
}

const weightedCases: [
  string,
  boolean,
  { id: string }[],
  { source: string; target: string; strength: number }[],
][] = [
  ['a weighted random graph', false, actors(150), weighted(randomTies(150, 900, 21), 22)],
  ['a weighted graph in pieces', false, actors(200), weighted(randomTies(200, 180, 23), 24)],
  ['a weighted directed graph', true, actors(150), weighted(randomTies(150, 900, 25), 26)],
  [
    'a weighted grid, where many paths tie',
    false,
    actors(100),
    // Steps of 0.1 across and 0.2 down: every monotone path ties, up to rounding in the order of the sum.
    Array.from({ length: 100 }, (_, i) => [
      ...(i % 10 < 9 ? [{ source: String(i), target: String(i + 1), strength: 10 }] : []),
      ...(i < 90 ? [{ source: String(i), target: String(i + 10), strength: 5 }] : []),
    ]).flat(),
  ],
];

describe.each(weightedCases)('the weighted kernel on %s', (_name, directed, nodes, ties) => {
  const network = buildNetwork({ directed, nodes, ties });
  const expected = textbookDependencies(network, (s) => dijkstra(network, s));

  it('matches textbook Brandes with Dijkstra to 1e-9', () => {
    const got = kernelDependencies(kernelGraph(network));
    for (let v = 0; v < network.ids.length; v++) expect(Math.abs(got[v] - expected[v])).toBeLessThan(1e-9);
    expect(expected.some((x) => x > 0)).toBe(true);
  });

  it('matches the kernel that tests every arc again on the way back', () => {
    const got = kernelDependencies({ ...kernelGraph(network), symmetric: false });
    for (let v = 0; v < network.ids.length; v++) expect(Math.abs(got[v] - expected[v])).toBeLessThan(1e-9);
  });
});
