import { describe, expect, it } from 'vitest';
import type { NetworkInput } from '../../src/network/network-input.js';
import { mapVersion, MeasureCache, measureKey } from '../../src/services/network/measure-cache.js';

const base: NetworkInput = {
  directed: false,
  nodes: [
    { id: 'A-1', group: 'North', track: '2' },
    { id: 'A-2', group: 'South', track: '2' },
    { id: 'A-3', group: null, track: '1' },
  ],
  ties: [
    {
      source: 'A-1',
      target: 'A-2',
      strength: 3,
      kind: 'knows',
      startDate: null,
      endDate: null,
      confidence: 1,
    },
    {
      source: 'A-2',
      target: 'A-3',
      strength: 2,
      kind: 'trusts',
      startDate: '2020-01-01',
      endDate: null,
      confidence: 0.8,
    },
  ],
};

describe('the version of a map', () => {
  it('is the same for the same actors and ties, and changes with any actor or tie that measures read', () => {
    const same = structuredClone(base);
    expect(mapVersion(same)).toBe(mapVersion(base));
    const variants: NetworkInput[] = [
      { ...base, directed: true },
      { ...base, nodes: base.nodes.map((n, i) => (i === 2 ? { ...n, group: 'North' } : n)) },
      { ...base, nodes: [...base.nodes, { id: 'A-4', group: null, track: '3' }] },
      { ...base, ties: base.ties.slice(1) },
      { ...base, ties: base.ties.map((t, i) => (i === 0 ? { ...t, strength: 4 } : t)) },
      { ...base, ties: base.ties.map((t, i) => (i === 0 ? { ...t, kind: 'hostile' } : t)) },
      { ...base, ties: base.ties.map((t, i) => (i === 1 ? { ...t, endDate: '2021-01-01' } : t)) },
      { ...base, ties: base.ties.map((t, i) => (i === 1 ? { ...t, confidence: 0.5 } : t)) },
      { ...base, ties: base.ties.map((t, i) => (i === 0 ? { ...t, target: 'A-3' } : t)) },
    ];
    const versions = new Set([mapVersion(base), ...variants.map(mapVersion)]);
    expect(versions.size).toBe(variants.length + 1);
  });
});

describe('the measure cache', () => {
  it('computes once per key, again after the map changes, and keeps each conflict apart', async () => {
    const cache = new MeasureCache(8);
    let computed = 0;
    const compute = async () => ({ run: ++computed });
    const key = measureKey('c1', mapVersion(base), { metrics: ['degree'], seed: undefined });
    expect(await cache.get(key, compute)).toEqual({ run: 1 });
    expect(await cache.get(key, compute)).toEqual({ run: 1 });
    // The same question asked in another order of fields is the same key.
    expect(measureKey('c1', mapVersion(base), { seed: undefined, metrics: ['degree'] })).toBe(key);
    const changed = { ...base, ties: base.ties.slice(1) };
    const newKey = measureKey('c1', mapVersion(changed), { metrics: ['degree'] });
    expect(newKey).not.toBe(key);
    expect(await cache.get(newKey, compute)).toEqual({ run: 2 });
    expect(await cache.get(measureKey('c2', mapVersion(base), { metrics: ['degree'] }), compute)).toEqual({
      run: 3,
    });
    cache.forgetConflict('c1');
    expect(cache.size).toBe(1);
    expect(await cache.get(key, compute)).toEqual({ run: 4 });
    expect(cache.stats()).toEqual({ hits: 1, misses: 4, size: 2 });
  });

  it('shares a computation under way, forgets a failed one, and drops the least recently used', async () => {
    const cache = new MeasureCache(2);
    let calls = 0;
    let release!: (value: number) => void;
    const slow = () => {
      calls += 1;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = cache.get('a', slow);
    const second = cache.get('a', slow);
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(calls).toBe(1);
    await expect(cache.get('b', () => Promise.reject(new Error('cancelled')))).rejects.toThrow('cancelled');
    expect(await cache.get('b', async () => 8)).toBe(8);
    await cache.get('a', slow); // a is now the most recent
    await cache.get('c', async () => 9);
    expect(await cache.get('a', async () => -1)).toBe(7);
    expect(await cache.get('b', async () => -2)).toBe(-2);
  });
});
