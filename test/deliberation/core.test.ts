import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, spearmanCorrelation, topOverlap } from '../../src/deliberation/agreement.js';
import { groupInformedConsensus } from '../../src/deliberation/consensus.js';
import { tallyGroups } from '../../src/deliberation/group-tallies.js';
import { kMeans } from '../../src/deliberation/kmeans.js';
import { computePca, projectParticipants } from '../../src/deliberation/pca.js';
import { seededPrng } from '../../src/deliberation/prng.js';
import { representativeStatements } from '../../src/deliberation/repness.js';
import { routingPriority } from '../../src/deliberation/routing.js';
import { symmetricEigen } from '../../src/deliberation/symmetric-eigen.js';
import { buildVoteMatrix, type VoteMatrix } from '../../src/deliberation/vote-matrix.js';
import { proportionTest, twoProportionTest } from '../../src/deliberation/z-tests.js';

function randomMatrix(n: number, m: number, density: number, seed: number): VoteMatrix {
  const random = seededPrng(seed);
  const p: number[] = [];
  const s: number[] = [];
  const v: number[] = [];
  for (let r = 0; r < n; r++) {
    const side = r % 2 ? 1 : -1;
    for (let j = 0; j < m; j++) {
      if (random.next() > density) continue;
      p.push(r);
      s.push(j);
      const lean = j < m / 2 ? side : -side;
      v.push(random.next() < 0.7 ? lean : random.next() < 0.5 ? 0 : -lean);
    }
  }
  return buildVoteMatrix(n, m, p, s, v);
}

/** Dense reference of Pol.is' PCA: impute column means, centre, eigenvectors of the covariance. */
function densePca(matrix: VoteMatrix) {
  const { participantCount: n, statementCount: m } = matrix;
  const dense: (number | null)[][] = Array.from({ length: n }, () => new Array(m).fill(null));
  for (let r = 0; r < n; r++)
    for (let i = matrix.rowStart[r]; i < matrix.rowStart[r + 1]; i++)
      dense[r][matrix.statementOf[i]] = matrix.value[i];
  const mean = Array.from({ length: m }, (_, j) => {
    const col = dense.map((row) => row[j]).filter((x): x is number => x !== null);
    return col.reduce((a, b) => a + b, 0) / col.length;
  });
  const centred = dense.map((row) => row.map((x, j) => (x === null ? mean[j] : x) - mean[j]));
  const cov = new Float64Array(m * m);
  for (const row of centred)
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cov[a * m + b] += row[a] * row[b];
  return symmetricEigen(cov, m);
}

describe('vote matrix', () => {
  it('keeps the last vote per participant and statement, ordered by statement', () => {
    const m = buildVoteMatrix(2, 3, [0, 0, 1, 0], [2, 0, 1, 2], [1, -1, 0, -1]);
    expect(Array.from(m.rowStart)).toEqual([0, 2, 3]);
    expect(Array.from(m.statementOf)).toEqual([0, 2, 1]);
    expect(Array.from(m.value)).toEqual([-1, -1, 0]);
  });
});

describe('PCA', () => {
  it('matches a dense imputed and centred PCA', () => {
    const matrix = randomMatrix(60, 12, 0.6, 7);
    const pca = computePca(matrix);
    const reference = densePca(matrix);
    const m = 12;
    expect(pca.eigenvalues[0]).toBeCloseTo(reference.values[0], 8);
    expect(pca.eigenvalues[1]).toBeCloseTo(reference.values[1], 8);
    for (let c = 0; c < 2; c++) {
      let dot = 0;
      for (let j = 0; j < m; j++) dot += pca.components[c][j] * reference.vectors[j * m + c];
      expect(Math.abs(dot)).toBeCloseTo(1, 8);
    }
  });

  it('scales a participant by sqrt(columns / votes) over the statements they voted on', () => {
    const matrix = randomMatrix(40, 10, 0.5, 3);
    const pca = computePca(matrix);
    const projection = projectParticipants(matrix, pca);
    const r = 5;
    let x = 0;
    const from = matrix.rowStart[r];
    const to = matrix.rowStart[r + 1];
    for (let i = from; i < to; i++) {
      const j = matrix.statementOf[i];
      x += (matrix.value[i] - pca.center[j]) * pca.components[0][j];
    }
    expect(projection[2 * r]).toBeCloseTo(x * Math.sqrt(pca.columnCount / (to - from)), 12);
  });

  it('separates two planted opinion groups along the first component', () => {
    const matrix = randomMatrix(80, 20, 0.7, 11);
    const projection = projectParticipants(matrix, computePca(matrix));
    const even = Array.from({ length: 40 }, (_, i) => Math.sign(projection[4 * i]));
    const odd = Array.from({ length: 40 }, (_, i) => Math.sign(projection[4 * i + 2]));
    expect(new Set(even).size).toBe(1);
    expect(new Set(odd).size).toBe(1);
    expect(even[0]).toBe(-odd[0]);
  });
});

describe('k-means', () => {
  it('is deterministic for a seed and finds well separated clusters', () => {
    const points = new Float64Array([0, 0, 0.1, 0, 0, 0.1, 5, 5, 5.1, 5, 5, 5.1]);
    const a = kMeans(points, 2, seededPrng(1), { restarts: 5 });
    const b = kMeans(points, 2, seededPrng(1), { restarts: 5 });
    expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
    expect(adjustedRandIndex(a.assignment, [0, 0, 0, 1, 1, 1])).toBe(1);
  });
});

describe('statistics', () => {
  it("implements Pol.is' z-tests", () => {
    expect(proportionTest(9, 9)).toBeCloseTo(2 * Math.sqrt(10) * (10 / 10 - 0.5), 12);
    expect(twoProportionTest(5, 5, 10, 10)).toBeCloseTo(0, 12);
    expect(twoProportionTest(9, 1, 10, 10)).toBeGreaterThan(1.2816);
  });

  it('computes GIC as the product of (A_g + 1) / (S_g + 2), passes counted in S', () => {
    // Statement 0: group 0 votes agree, agree, pass; group 1 votes agree, disagree.
    const matrix = buildVoteMatrix(5, 1, [0, 1, 2, 3, 4], [0, 0, 0, 0, 0], [1, 1, 0, 1, -1]);
    const tallies = tallyGroups(matrix, [0, 0, 0, 1, 1], 2);
    expect(groupInformedConsensus(tallies, 0)).toBeCloseTo((3 / 5) * (2 / 4), 15);
  });

  it('chooses statements that set a group apart as representative', () => {
    // 20 participants, two groups; statement 0 splits them, statement 1 everyone agrees on.
    const p: number[] = [];
    const s: number[] = [];
    const v: number[] = [];
    for (let r = 0; r < 20; r++) {
      p.push(r, r);
      s.push(0, 1);
      v.push(r < 10 ? 1 : -1, 1);
    }
    const matrix = buildVoteMatrix(20, 2, p, s, v);
    const tallies = tallyGroups(
      matrix,
      Array.from({ length: 20 }, (_, r) => (r < 10 ? 0 : 1)),
      2,
    );
    const rep = representativeStatements(tallies, new Uint8Array(2));
    expect(rep[0][0]).toMatchObject({ statement: 0, type: 'agree' });
    expect(rep[1].some((r) => r.statement === 0 && r.type === 'disagree')).toBe(true);
  });

  it('routes new, agreed, divisive statements first', () => {
    expect(routingPriority(1, 0, 1, 0)).toBeGreaterThan(routingPriority(20, 0, 40, 0));
    expect(routingPriority(10, 0, 20, 2)).toBeGreaterThan(routingPriority(10, 0, 20, 0));
    expect(routingPriority(10, 10, 20, 0)).toBeLessThan(routingPriority(10, 0, 20, 0));
    expect(routingPriority(0, 0, 0, 0, true)).toBe(49);
  });

  it('measures agreement', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
    expect(spearmanCorrelation([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(topOverlap([5, 4, 3, 2, 1], [1, 4, 5, 2, 3], 2)).toBe(1);
  });
});
