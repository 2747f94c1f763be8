import { describe, expect, it } from 'vitest';
import { pathMeasuresOnWorkers } from '../../src/network/betweenness-pool-worker.js';
import { betweenness, betweennessAndCloseness } from '../../src/network/betweenness.js';
import { closeness } from '../../src/network/closeness.js';
import { harmonic } from '../../src/network/harmonic.js';
import type { NetworkInput } from '../../src/network/network-input.js';
import { buildNetwork } from '../../src/network/network.js';
import { seededRandom } from '../../src/network/prng.js';

/** A seeded random network with a few isolated actors (closeness of the unreachable stays 0). */
function randomInput(seed: number, options: { directed: boolean; weighted: boolean }): NetworkInput {
  const random = seededRandom(seed);
  const n = 80;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `A-${i}`, group: null }));
  const ties: NetworkInput['ties'] = [];
  const seen = new Set<string>();
  while (ties.length < 200) {
    const [a, b] = [Math.floor(random() * (n - 4)), Math.floor(random() * (n - 4))];
    const key = options.directed ? `${a}>${b}` : `${Math.min(a, b)}|${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    ties.push({
      source: `A-${a}`,
      target: `A-${b}`,
      ...(options.weighted ? { strength: 1 + Math.floor(random() * 5) } : {}),
    });
  }
  return { nodes, ties, directed: options.directed };
}

const close = (actual: Float64Array, expected: Float64Array) => {
  expect(actual.length).toBe(expected.length);
  for (let v = 0; v < expected.length; v++)
    expect(Math.abs(actual[v] - expected[v])).toBeLessThanOrEqual(1e-12);
};

/*
 * Betweenness, closeness and harmonic closeness from one search per source (the fused kernel) equal the
 * measures computed each on its own (which test/network/*-networks.test.ts hold to NetworkX and igraph),
 * on this thread and on worker threads, for every kind of network the kernel has a search for.
 */
describe('path measures in one pass', () => {
  for (const directed of [false, true]) {
    for (const weighted of [false, true]) {
      it(`equal the separate measures (${directed ? 'directed' : 'undirected'}, ${weighted ? 'weighted' : 'hops'})`, async () => {
        const network = buildNetwork(randomInput(directed ? 3 : 5, { directed, weighted }));
        const expected = { b: betweenness(network), c: closeness(network), h: harmonic(network) };
        expect(expected.c.some((value) => value > 0)).toBe(true);
        for (const fused of [
          betweennessAndCloseness(network),
          await pathMeasuresOnWorkers(network, { workers: 2, allAtOnce: true }),
          await pathMeasuresOnWorkers(network, { workers: 2 }),
        ]) {
          close(fused.betweenness, expected.b);
          close(fused.closeness, expected.c);
          close(fused.harmonic, expected.h);
        }
      });
    }
  }
});
