import { describe, expect, it } from 'vitest';
import { betweennessOnWorkers } from '../../src/network/betweenness-pool-worker.js';
import { betweenness, pivotsForErrorBound, sampledBetweenness } from '../../src/network/betweenness.js';
import { divideChange } from '../../src/network/divide-change.js';
import { fragility } from '../../src/network/fragility.js';
import { groupBrokers } from '../../src/network/group-brokers.js';
import { introductions } from '../../src/network/introductions.js';
import type { NetworkInput } from '../../src/network/network-input.js';
import { buildNetwork } from '../../src/network/network.js';
import { filterTies } from '../../src/network/tie-filter.js';
import { trackOnePaths } from '../../src/network/track-one-paths.js';

/*
 * A small divided network whose answers are worked out by hand:
 *   group A: a1, a2, a3 (a triangle)   group B: b1, b2   group C: c1, c2
 *   a3 - b1 is the only tie across; C has no tie to anyone outside it.
 *   b2 is a Track-I official; a1, a2 are Track II.
 */
const divided: NetworkInput = {
  directed: false,
  nodes: [
    { id: 'a1', group: 'A', track: '2' },
    { id: 'a2', group: 'A', track: '2' },
    { id: 'a3', group: 'A' },
    { id: 'b1', group: 'B' },
    { id: 'b2', group: 'B', track: '1' },
    { id: 'c1', group: 'C' },
    { id: 'c2', group: 'C' },
  ],
  ties: [
    { source: 'a1', target: 'a2', strength: 1 },
    { source: 'a2', target: 'a3', strength: 5 },
    { source: 'a1', target: 'a3', strength: 5 },
    { source: 'a3', target: 'b1', strength: 2 },
    { source: 'b1', target: 'b2', strength: 4 },
    { source: 'c1', target: 'c2', strength: 3 },
  ],
};
const network = buildNetwork(divided);

describe('bridges and brokers between groups', () => {
  const result = groupBrokers(network);

  it('lists the ties across each pair, marks the only one as a bridge, and names the gaps', () => {
    const ab = result.pairs.find((p) => p.groups.join() === 'A,B')!;
    expect(ab.crossTies).toEqual([{ source: 'a3', target: 'b1', strength: 2, isBridge: true }]);
    expect(ab.singleTie).toBe(true);
    expect(result.unlinkedPairs).toEqual([
      ['A', 'C'],
      ['B', 'C'],
    ]);
  });

  it('ranks brokers by the unlinked pairs they join', () => {
    const ab = result.pairs.find((p) => p.groups.join() === 'A,B')!;
    // a3 joins (a1, b1) and (a2, b1); b1 joins (a3, b2).
    expect(ab.brokers.map((b) => [b.id, b.pairsLinked])).toEqual([
      ['a3', 2],
      ['b1', 1],
    ]);
  });

  it('needs declared groups', () => {
    const plain = buildNetwork({ ...divided, nodes: divided.nodes.map(({ id }) => ({ id })) });
    expect(() => groupBrokers(plain)).toThrow(expect.objectContaining({ code: 'TT_ERR_NETWORK_NO_GROUPS' }));
  });
});

describe('whom to introduce next', () => {
  it('ranks introductions through a common contact by cross-divide reach gained, with the reason', () => {
    const ranked = introductions(network);
    expect(ranked.map((r) => [r.first.id, r.second.id, r.intermediary.id, r.gain])).toEqual([
      // b2 comes to reach a1 and a2 within two steps; a3 already reached b2.
      ['a3', 'b2', 'b1', 2],
      // a1 comes to reach b2; b1 already reached a1's contacts.
      ['a1', 'b1', 'a3', 1],
      ['a2', 'b1', 'a3', 1],
    ]);
    expect(ranked[0].reason).toContain('b1 knows both a3 (A) and b2 (B)');
  });

  it('uses only trusted ties when asked', () => {
    // With trust from strength 3 up, b1's tie to a3 (strength 2) no longer counts.
    const ranked = introductions(network, { minTrust: 3 });
    expect(ranked).toEqual([]);
    expect(introductions(network, { limit: 1 })).toHaveLength(1);
  });
});

describe('fragility', () => {
  it('ranks actors by the cross-divide reach their loss destroys', () => {
    const losses = fragility(network);
    const [first, second] = losses;
    expect(first).toMatchObject({
      id: 'a3',
      componentsBefore: 2,
      componentsAfter: 3,
      crossDivideReachBefore: 8,
      crossDivideReachAfter: 0,
      crossDivideReachLost: 8,
      crossDivideReachLostShare: 1,
    });
    expect(first.eiIndexBefore).toBeCloseTo(-4 / 6, 12);
    expect(first.eiIndexAfter).toBeCloseTo(-1, 12);
    expect(first.eiIndexChange).toBeCloseTo(-1 / 3, 12);
    expect(second).toMatchObject({ id: 'b1', crossDivideReachLost: 6, componentsAfter: 3 });
    expect(losses.slice(2).every((l) => l.crossDivideReachLost === 0)).toBe(true);
  });

  it('can look at chosen actors only', () => {
    expect(fragility(network, { actors: ['c1'] }).map((l) => l.id)).toEqual(['c1']);
    expect(() => fragility(network, { actors: ['nobody'] })).toThrow(
      expect.objectContaining({ code: 'TT_ERR_NETWORK_UNKNOWN_ACTOR' }),
    );
  });
});

describe('paths to Track I', () => {
  it('finds the strongest-trust path and the reach within k steps', () => {
    const reach = trackOnePaths(network, { steps: 3 });
    const a1 = reach.find((r) => r.id === 'a1')!;
    expect(a1.reachWithinSteps).toBe(1);
    expect(a1.paths).toHaveLength(1);
    // a1 > a3 > b1 > b2 (1/5 + 1/2 + 1/4) beats a1 > a2 > a3 > ... and the weakest link is a3 - b1.
    expect(a1.paths[0].path).toEqual(['a1', 'a3', 'b1', 'b2']);
    expect(a1.paths[0].distance).toBeCloseTo(0.95, 12);
    expect(a1.paths[0].weakestStrength).toBe(2);
    expect(trackOnePaths(network, { steps: 2 }).find((r) => r.id === 'a1')!.reachWithinSteps).toBe(0);
  });

  it('needs actors marked as Track I', () => {
    const plain = buildNetwork({ ...divided, nodes: divided.nodes.map(({ track: _t, ...rest }) => rest) });
    expect(() => trackOnePaths(plain)).toThrow(expect.objectContaining({ code: 'TT_ERR_VALIDATION' }));
  });
});

describe('ties over time', () => {
  const dated: NetworkInput = {
    directed: false,
    nodes: divided.nodes,
    ties: [
      { source: 'a1', target: 'b1', kind: 'met', startDate: '2019-01-01', endDate: '2019-12-31' },
      { source: 'a2', target: 'b2', kind: 'trusts', startDate: '2020-06-01', confidence: 0.9 },
      { source: 'a3', target: 'c1', kind: 'knows', startDate: '2018-01-01', confidence: 0.3 },
      { source: 'a1', target: 'a2', kind: 'kin' },
    ],
  };

  it('filters ties by kind, date and confidence', () => {
    const ids = (ties: typeof dated.ties) => ties.map((t) => `${t.source}-${t.target}`);
    expect(ids(filterTies(dated.ties, { asOf: '2019-06-01' }))).toEqual(['a1-b1', 'a3-c1', 'a1-a2']);
    expect(ids(filterTies(dated.ties, { kinds: ['trusts', 'kin'] }))).toEqual(['a2-b2', 'a1-a2']);
    expect(ids(filterTies(dated.ties, { minConfidence: 0.5 }))).toEqual(['a1-b1', 'a2-b2', 'a1-a2']);
    expect(ids(filterTies(dated.ties, { from: '2020-01-01', to: '2020-12-31' }))).toEqual([
      'a2-b2',
      'a3-c1',
      'a1-a2',
    ]);
    expect(() => filterTies(dated.ties, { asOf: '1.1.2020' })).toThrow(
      expect.objectContaining({ code: 'TT_ERR_NETWORK_BAD_DATE' }),
    );
  });

  it('reports new and lost cross-divide ties between two dates', () => {
    const change = divideChange(dated, '2019-06-01', '2021-01-01');
    expect(change.newTies).toEqual([{ source: 'a2', target: 'b2', groups: ['A', 'B'] }]);
    expect(change.lostTies).toEqual([{ source: 'a1', target: 'b1', groups: ['A', 'B'] }]);
    expect(change.crossTiesBefore).toBe(2);
    expect(change.crossTiesAfter).toBe(2);
  });
});

/** A side x side lattice, actor r * side + c tied to its right and lower neighbours. */
function gridNetwork(side: number) {
  const nodes = Array.from({ length: side * side }, (_, i) => ({ id: String(i) }));
  const ties = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      if (c + 1 < side) ties.push({ source: String(r * side + c), target: String(r * side + c + 1) });
      if (r + 1 < side) ties.push({ source: String(r * side + c), target: String((r + 1) * side + c) });
    }
  }
  return buildNetwork({ nodes, ties, directed: false });
}

describe('betweenness engine', () => {
  const grid = gridNetwork(12);

  it('sampled betweenness with every actor as pivot is exact, and its stated bound holds', () => {
    const exact = betweenness(grid);
    const all = sampledBetweenness(grid, grid.ids.length);
    expect(all.errorBound).toBe(0);
    exact.forEach((x, v) => expect(Math.abs(all.values[v] - x)).toBeLessThan(1e-12));
    const sample = sampledBetweenness(grid, 60, { seed: 3 });
    expect(sample.errorBound).toBeGreaterThan(0);
    let worst = 0;
    exact.forEach((x, v) => (worst = Math.max(worst, Math.abs(sample.values[v] - x))));
    expect(worst).toBeLessThanOrEqual(sample.errorBound);
    expect(pivotsForErrorBound(grid.ids.length, sample.errorBound * 1.000001)).toBeLessThanOrEqual(60);
  });

  it('reports progress and can be cancelled, on this thread and on workers', async () => {
    const seen: number[] = [];
    betweenness(grid, { onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(grid.ids.length);
    const controller = new AbortController();
    expect(() =>
      betweenness(grid, {
        signal: controller.signal,
        onProgress: (done) => done >= 10 && controller.abort(),
      }),
    ).toThrow(expect.objectContaining({ code: 'TT_ERR_NETWORK_CANCELLED' }));
    const onWorkers = new AbortController();
    const running = betweennessOnWorkers(grid, {
      workers: 2,
      signal: onWorkers.signal,
      onProgress: () => onWorkers.abort(),
    });
    await expect(running).rejects.toMatchObject({ code: 'TT_ERR_NETWORK_CANCELLED' });
  });

  it('keeps path counts exact beyond 32 bits (graphology-metrics overflows on large grids)', () => {
    // Corner to corner of a 40x40 grid there are C(78, 39) shortest paths, far beyond 2^32.
    const side = 40;
    const values = betweenness(gridNetwork(side));
    // The grid's symmetries give equal scores to mirrored actors; overflowed counts break that.
    const at = (r: number, c: number) => values[r * side + c];
    for (const [r, c] of [
      [0, 1],
      [3, 7],
      [10, 19],
    ]) {
      expect(Math.abs(at(r, c) - at(c, r))).toBeLessThan(1e-12);
      expect(Math.abs(at(r, c) - at(side - 1 - r, side - 1 - c))).toBeLessThan(1e-12);
    }
    const total = values.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
  });
});
