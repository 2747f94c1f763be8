import { beforeAll, describe, expect, it } from 'vitest';
import { readPolisFolder } from '../../src/cli/commands/dialogue.js';
import { median } from '../../src/deliberation/agreement.js';
import {
  comparePolis,
  conversations,
  type PolisComparison,
} from '../../bench/deliberation/polis-comparison.js';
import { fixture } from '../support/fixtures.js';

// The goals, checked on all six open conversations at once: medians, never per-file tuning.
describe("opinion groups against Pol.is' own", () => {
  const results = new Map<string, PolisComparison>();
  beforeAll(() => {
    for (const name of conversations) {
      results.set(name, comparePolis(readPolisFolder(fixture('polis', name)), { seed: 0, trials: 3 }));
    }
  });

  it('the same input always gives the same groups', () => {
    for (const [name, r] of results) expect(r.reproducible, name).toBe(true);
  });

  it('median ARI against the export group-id is at least 0.75', () => {
    expect(median([...results.values()].map((r) => r.ari))).toBeGreaterThanOrEqual(0.75);
  });

  it('finds the same number of groups in at least 3 of 4 conversations', () => {
    const same = [...results.values()].filter((r) => r.k === r.polisK).length;
    expect(same / results.size).toBeGreaterThanOrEqual(0.75);
  });

  it('the common ground is nearly the same: top ten shared >= 8 and Spearman >= 0.95 (medians)', () => {
    expect(median([...results.values()].map((r) => r.topTenShared))).toBeGreaterThanOrEqual(8);
    expect(median([...results.values()].map((r) => r.spearman))).toBeGreaterThanOrEqual(0.95);
  });

  it('groups are stable: leaving 10% of participants out keeps ARI >= 0.9 (median)', () => {
    expect(median([...results.values()].map((r) => median(r.stability)))).toBeGreaterThanOrEqual(0.9);
  });
});
