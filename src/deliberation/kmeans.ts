import type { Prng } from './prng.js';

/**
 * Weighted k-means on 2-D points (interleaved x, y), seeded by k-means++ and run from several
 * starts; the start with the least weighted within-cluster sum of squares wins. Pol.is instead
 * starts from the first k distinct points once, which makes its groups depend on row order.
 */
export interface KMeansResult {
  k: number;
  assignment: Int32Array;
  /** Interleaved x, y per cluster. */
  centres: Float64Array;
  /** Weighted within-cluster sum of squared distances. */
  inertia: number;
}

export interface KMeansOptions {
  weights?: Float64Array;
  restarts?: number;
  maxIterations?: number;
  /**
   * Warm start: centres from the previous run (interleaved x, y), tried besides the random starts; when
   * it holds fewer than k centres, the most distant points are added as new centres (as Pol.is does).
   */
  initial?: Float64Array;
}

export function kMeans(
  points: Float64Array,
  k: number,
  prng: Prng,
  options: KMeansOptions = {},
): KMeansResult {
  const n = points.length / 2;
  let best: KMeansResult | undefined;
  if (options.initial && options.initial.length > 0 && options.initial.length <= 2 * k) {
    const centres = padWithDistalPoints(points, options.initial, k);
    best = lloyd(points, options.weights, centres, options.maxIterations ?? 100);
  }
  const restarts = best ? Math.max(0, options.restarts ?? 0) : Math.max(1, options.restarts ?? 1);
  for (let r = 0; r < restarts; r++) {
    const centres = kMeansPlusPlus(points, n, k, prng, options.weights);
    const run = lloyd(points, options.weights, centres, options.maxIterations ?? 100);
    // Strictly better only, so that ties keep the earlier (or warm) start: stable under reruns.
    if (!best || run.inertia < best.inertia * (1 - 1e-12)) best = run;
  }
  return best!;
}

function padWithDistalPoints(points: Float64Array, initial: Float64Array, k: number): Float64Array {
  const n = points.length / 2;
  const centres = new Float64Array(2 * k);
  centres.set(initial);
  for (let c = initial.length / 2; c < k; c++) {
    let far = 0;
    let farD = -1;
    for (let i = 0; i < n; i++) {
      let nearest = Infinity;
      for (let d = 0; d < c; d++) {
        const dx = points[2 * i] - centres[2 * d];
        const dy = points[2 * i + 1] - centres[2 * d + 1];
        nearest = Math.min(nearest, dx * dx + dy * dy);
      }
      if (nearest > farD) {
        farD = nearest;
        far = i;
      }
    }
    centres[2 * c] = points[2 * far];
    centres[2 * c + 1] = points[2 * far + 1];
  }
  return centres;
}

function kMeansPlusPlus(points: Float64Array, n: number, k: number, prng: Prng, weights?: Float64Array) {
  const centres = new Float64Array(2 * k);
  const nearest = new Float64Array(n).fill(Infinity);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights ? weights[i] : 1;
  let pick = sample(n, (i) => (weights ? weights[i] : 1), total, prng);
  for (let c = 0; c < k; c++) {
    centres[2 * c] = points[2 * pick];
    centres[2 * c + 1] = points[2 * pick + 1];
    if (c === k - 1) break;
    let mass = 0;
    for (let i = 0; i < n; i++) {
      const dx = points[2 * i] - centres[2 * c];
      const dy = points[2 * i + 1] - centres[2 * c + 1];
      const d = dx * dx + dy * dy;
      if (d < nearest[i]) nearest[i] = d;
      mass += nearest[i] * (weights ? weights[i] : 1);
    }
    if (mass <= 0) {
      // Fewer distinct points than clusters: the remaining centres repeat; Lloyd leaves them empty.
      pick = c % n;
      continue;
    }
    pick = sample(n, (i) => nearest[i] * (weights ? weights[i] : 1), mass, prng);
  }
  return centres;
}

function sample(n: number, mass: (i: number) => number, total: number, prng: Prng): number {
  let target = prng.next() * total;
  for (let i = 0; i < n; i++) {
    target -= mass(i);
    if (target < 0) return i;
  }
  for (let i = n - 1; i >= 0; i--) if (mass(i) > 0) return i;
  return 0;
}

/**
 * Lloyd's iterations with Hamerly's bounds: a point whose distance to its centre stays below half
 * the gap to the next centre (or below its lower bound to any other) is not re-scanned, which makes
 * 100 base clusters over 100,000 participants cheap. Same result as plain Lloyd.
 */
function lloyd(
  points: Float64Array,
  weights: Float64Array | undefined,
  centres: Float64Array,
  maxIterations: number,
) {
  const n = points.length / 2;
  const k = centres.length / 2;
  const assignment = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sumX = new Float64Array(k);
  const sumY = new Float64Array(k);
  const mass = new Float64Array(k);
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const scan = (i: number) => {
    const x = points[2 * i];
    const y = points[2 * i + 1];
    let d1 = Infinity;
    let d2 = Infinity;
    let c1 = 0;
    for (let c = 0; c < k; c++) {
      const dx = x - centres[2 * c];
      const dy = y - centres[2 * c + 1];
      const d = dx * dx + dy * dy;
      if (d < d1) {
        d2 = d1;
        d1 = d;
        c1 = c;
      } else if (d < d2) d2 = d;
    }
    assignment[i] = c1;
    upper[i] = Math.sqrt(d1);
    lower[i] = Math.sqrt(d2);
  };
  for (let i = 0; i < n; i++) scan(i);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    sumX.fill(0);
    sumY.fill(0);
    mass.fill(0);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      const c = assignment[i];
      sumX[c] += w * points[2 * i];
      sumY[c] += w * points[2 * i + 1];
      mass[c] += w;
    }
    let largestMove = 0;
    let secondMove = 0;
    let largestAt = -1;
    for (let c = 0; c < k; c++) {
      moved[c] = 0;
      if (mass[c] <= 0) continue;
      const x = sumX[c] / mass[c];
      const y = sumY[c] / mass[c];
      moved[c] = Math.hypot(x - centres[2 * c], y - centres[2 * c + 1]);
      centres[2 * c] = x;
      centres[2 * c + 1] = y;
      if (moved[c] > largestMove) {
        secondMove = largestMove;
        largestMove = moved[c];
        largestAt = c;
      } else if (moved[c] > secondMove) secondMove = moved[c];
    }
    for (let c = 0; c < k; c++) {
      let nearest = Infinity;
      for (let d = 0; d < k; d++) {
        if (d === c) continue;
        nearest = Math.min(
          nearest,
          Math.hypot(centres[2 * c] - centres[2 * d], centres[2 * c + 1] - centres[2 * d + 1]),
        );
      }
      half[c] = nearest / 2;
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = assignment[i];
      upper[i] += moved[a];
      lower[i] -= a === largestAt ? secondMove : largestMove;
      const bound = Math.max(half[a], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = Math.hypot(points[2 * i] - centres[2 * a], points[2 * i + 1] - centres[2 * a + 1]);
      if (upper[i] <= bound) continue;
      scan(i);
      if (assignment[i] !== a) changed++;
    }
    if (changed === 0) break;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = assignment[i];
    const dx = points[2 * i] - centres[2 * c];
    const dy = points[2 * i + 1] - centres[2 * c + 1];
    inertia += (weights ? weights[i] : 1) * (dx * dx + dy * dy);
  }
  return compact(assignment, centres, inertia);
}

/** Drops empty clusters and renumbers the rest in order of first appearance. */
function compact(assignment: Int32Array, centres: Float64Array, inertia: number): KMeansResult {
  const k = centres.length / 2;
  const renumber = new Int32Array(k).fill(-1);
  let next = 0;
  for (let i = 0; i < assignment.length; i++)
    if (renumber[assignment[i]] < 0) renumber[assignment[i]] = next++;
  const kept = new Float64Array(2 * next);
  for (let c = 0; c < k; c++) {
    if (renumber[c] < 0) continue;
    kept[2 * renumber[c]] = centres[2 * c];
    kept[2 * renumber[c] + 1] = centres[2 * c + 1];
  }
  const out = new Int32Array(assignment.length);
  for (let i = 0; i < assignment.length; i++) out[i] = renumber[assignment[i]];
  return { k: next, assignment: out, centres: kept, inertia };
}

/**
 * Mean silhouette of a clustering of weighted points, each point standing for `weight` participants
 * at the same place (a base cluster): the participant-level silhouette, computed on the base centres.
 */
export function weightedSilhouette(
  points: Float64Array,
  weights: Float64Array,
  assignment: Int32Array,
  k: number,
): { mean: number; standardError: number } {
  const n = points.length / 2;
  const clusterMass = new Float64Array(k);
  for (let i = 0; i < n; i++) clusterMass[assignment[i]] += weights[i];
  const sums = new Float64Array(k);
  let total = 0;
  let totalSquares = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] <= 0) continue;
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = points[2 * i] - points[2 * j];
      const dy = points[2 * i + 1] - points[2 * j + 1];
      sums[assignment[j]] += weights[j] * Math.sqrt(dx * dx + dy * dy);
    }
    const own = assignment[i];
    let s = 0;
    if (clusterMass[own] > 1) {
      const a = sums[own] / (clusterMass[own] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++)
        if (c !== own && clusterMass[c] > 0) b = Math.min(b, sums[c] / clusterMass[c]);
      const denominator = Math.max(a, b);
      s = Number.isFinite(b) && denominator > 0 ? (b - a) / denominator : 0;
    }
    total += weights[i] * s;
    totalSquares += weights[i] * s * s;
    totalWeight += weights[i];
  }
  if (totalWeight <= 0) return { mean: 0, standardError: 0 };
  const mean = total / totalWeight;
  const variance = Math.max(0, totalSquares / totalWeight - mean * mean);
  return { mean, standardError: Math.sqrt(variance / totalWeight) };
}
