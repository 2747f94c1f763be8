import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, median } from '../../src/deliberation/agreement.js';
import { analyzeMatrix } from '../../src/deliberation/analysis.js';
import { oracleCamps, plantedCamps } from '../../src/deliberation/synthetic.js';

const SEEDS = [1, 2, 3, 4, 5];

/**
 * Opinion groups must find the camps that are there: synthetic dialogues of 600 participants and 60
 * statements with 2 to 6 planted camps of unequal sizes (largest about 3 x the smallest), each
 * participant voting on 20-50 statements, 70% with their camp, 15% passes, 15% against, a fifth of the
 * statements shared ground. Next to an oracle that knows the camps (nearest camp mean vote profile).
 */
describe('opinion groups on planted camps', () => {
  for (let camps = 2; camps <= 6; camps++) {
    it(`finds ${camps} planted camps: median ARI >= 0.85 and the right number of groups`, () => {
      const ari: number[] = [];
      const oracle: number[] = [];
      const found: number[] = [];
      for (const seed of SEEDS) {
        const planted = plantedCamps({ camps, seed });
        expect(new Set(planted.campSizes).size).toBeGreaterThan(camps > 2 ? 1 : 0);
        const analysis = analyzeMatrix(planted.dialogue, { seed: 0 });
        ari.push(adjustedRandIndex(analysis.groups.groupOf, planted.camp));
        oracle.push(adjustedRandIndex(oracleCamps(planted), planted.camp));
        found.push(analysis.groups.groupCount);
      }
      console.log(
        `${camps} camps: median ARI ${median(ari).toFixed(3)} (${ari.map((a) => a.toFixed(2)).join(', ')}), ` +
          `groups ${found.join(', ')}, oracle ceiling ${median(oracle).toFixed(3)}`,
      );
      expect(median(ari)).toBeGreaterThanOrEqual(0.85);
      expect(median(found)).toBe(camps);
      expect(found.filter((k) => k === camps).length).toBeGreaterThanOrEqual(SEEDS.length - 1);
      // The oracle is a ceiling, and the data are hard enough for it to matter.
      expect(median(oracle)).toBeGreaterThanOrEqual(0.9);
      expect(median(oracle)).toBeLessThan(0.99);
    });
  }

  it('generates the same dialogue for the same seed, a fifth of the statements shared ground', () => {
    const a = plantedCamps({ camps: 4, seed: 9 });
    const b = plantedCamps({ camps: 4, seed: 9 });
    expect(Array.from(a.dialogue.matrix.value)).toEqual(Array.from(b.dialogue.matrix.value));
    expect(a.shared.reduce((x, y) => x + y, 0)).toBe(12);
    const votes = a.dialogue.matrix.rowStart[600];
    expect(votes / (600 * 60)).toBeGreaterThan(0.4);
    expect(votes / (600 * 60)).toBeLessThan(0.7);
  });
});
