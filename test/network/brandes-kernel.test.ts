import { describe, expect, it } from 'vitest';
import {
  accumulateDependencies,
  createWorkspace,
  type KernelGraph,
} from '../../src/network/brandes-kernel.js';
import { kernelGraph } from '../../src/network/betweenness.js';
import { buildNetwork, type Network } from '../../src/network/network.js';
import { seededRandom } from '../../src/network/prng.js';

/**
 * The hop-count kernel finds each breadth-first level top-down or bottom-up, whichever reads fewer
 * arcs, and keeps the shortest-path arcs of each side in its own list. These graphs are shaped so that
 * every mix occurs (bottom-up from the first level on a star, top-down then bottom-up on dense random
 * graphs, back to top-down when a large unreached part is cut off), and each is checked against a
 * textbook Brandes with predecessor lists and against the kernel held to top-down only.
 */

/** Brandes (2001) as printed: a queue, a stack and a list of predecessors per actor. */
function textbookDependencies(network: Network): Float64Array {
  const n = network.ids.length;
  const { outOffsets, outTargets } = network;
  const result = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const predecessors: number[][] = Array.from({ length: n }, () => []);
    const sigma = new Array<number>(n).fill(0);
    const distance = new Array<number>(n).fill(-1);
    const delta = new Array<number>(n).fill(0);
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
    while (stack.length > 0) {
      const w = stack.pop()!;
      for (const v of predecessors[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) result[w] += delta[w];
    }
  }
  return result;
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
  const expected = textbookDependencies(network);

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
