/**
 * Measures of agreement between two results: the adjusted Rand index of two partitions and
 * Spearman's rank correlation of two scorings. Used to compare our groups with Pol.is' and with
 * recomputations on part of the participants.
 */
import { partitionAgreement } from '../network/partition-agreement.js';

/** Adjusted Rand index of two labelings of the same items (negative labels are skipped pairwise). */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const labelledA: number[] = [];
  const labelledB: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] < 0 || b[i] < 0) continue;
    labelledA.push(a[i]);
    labelledB.push(b[i]);
  }
  return partitionAgreement(labelledA, labelledB).ari;
}

/** Ranks with ties given their average rank (1-based). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i]] = rank;
    start = end + 1;
  }
  return ranks;
}

export function spearmanCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const n = ra.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += ra[i] / n;
    mb += rb[i] / n;
  }
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (ra[i] - ma) * (rb[i] - mb);
    va += (ra[i] - ma) ** 2;
    vb += (rb[i] - mb) ** 2;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

/** Indices of the `count` highest values (ties broken by index). */
export function topIndices(values: ArrayLike<number>, count: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((i, j) => values[j] - values[i] || i - j)
    .slice(0, count);
}

export function topOverlap(a: ArrayLike<number>, b: ArrayLike<number>, count = 10): number {
  const top = new Set(topIndices(b, count));
  return topIndices(a, count).filter((i) => top.has(i)).length;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
