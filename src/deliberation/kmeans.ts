import type { Prng } from './prng.js';

/**
 * Weighted k-means on points of `dims` coordinates (interleaved; 2 for the opinion map), seeded by k-means++ and run from several
 * starts; the start with the least weighted within-cluster sum of squares wins. Pol.is instead
 * starts from the first k distinct points once, which makes its groups depend on row order.
 */
export interface KMeansResult {
  k: number;
  assignment: Int32Array;
  /** Interleaved coordinates (dims per cluster). */
  centres: Float64Array;
  /** Weighted within-cluster sum of squared distances. */
  inertia: number;
}

export interface KMeansOptions {
  weights?: Float64Array;
  restarts?: number;
  maxIterations?: number;
  /** Coordinates per point (default 2: the opinion map). */
  dims?: number;
  /**
   * Warm start: centres from the previous run (interleaved), tried besides the random starts; when
   * it holds fewer than k centres, the most distant points are added as new centres (as Pol.is does).
   */
  initial?: Float64Array;
}

function squaredDistance(a: Float64Array, i: number, b: Float64Array, j: number, dims: number): number {
  let sum = 0;
  for (let d = 0; d < dims; d++) {
    const diff = a[i * dims + d] - b[j * dims + d];
    sum += diff * diff;
  }
  return sum;
}

export function kMeans(
  points: Float64Array,
  k: number,
  prng: Prng,
  options: KMeansOptions = {},
): KMeansResult {
  const dims = options.dims ?? 2;
  const n = points.length / dims;
  let best: KMeansResult | undefined;
  if (options.initial && options.initial.length > 0 && options.initial.length <= dims * k) {
    const centres = padWithDistalPoints(points, options.initial, k, dims);
    best = lloyd(points, options.weights, centres, options.maxIterations ?? 100, dims);
  }
  const restarts = best ? Math.max(0, options.restarts ?? 0) : Math.max(1, options.restarts ?? 1);
  for (let r = 0; r < restarts; r++) {
    const centres = kMeansPlusPlus(points, n, k, prng, options.weights, dims);
    const run = lloyd(points, options.weights, centres, options.maxIterations ?? 100, dims);
    // Strictly better only, so that ties keep the earlier (or warm) start: stable under reruns.
    if (!best || run.inertia < best.inertia * (1 - 1e-12)) best = run;
  }
  return best!;
}

function padWithDistalPoints(
  points: Float64Array,
  initial: Float64Array,
  k: number,
  dims: number,
): Float64Array {
  const n = points.length / dims;
  const centres = new Float64Array(dims * k);
  centres.set(initial);
  for (let c = initial.length / dims; c < k; c++) {
    let far = 0;
    let farD = -1;
    for (let i = 0; i < n; i++) {
      let nearest = Infinity;
      for (let d = 0; d < c; d++) nearest = Math.min(nearest, squaredDistance(points, i, centres, d, dims));
      if (nearest > farD) {
        farD = nearest;
        far = i;
      }
    }
    for (let d = 0; d < dims; d++) centres[dims * c + d] = points[dims * far + d];
  }
  return centres;
}

function kMeansPlusPlus(
  points: Float64Array,
  n: number,
  k: number,
  prng: Prng,
  weights: Float64Array | undefined,
  dims: number,
) {
  const centres = new Float64Array(dims * k);
  const nearest = new Float64Array(n).fill(Infinity);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights ? weights[i] : 1;
  let pick = sample(n, (i) => (weights ? weights[i] : 1), total, prng);
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < dims; d++) centres[dims * c + d] = points[dims * pick + d];
    if (c === k - 1) break;
    let mass = 0;
    for (let i = 0; i < n; i++) {
      const d = squaredDistance(points, i, centres, c, dims);
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
  dims: number,
) {
  const n = points.length / dims;
  const k = centres.length / dims;
  const assignment = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sums = new Float64Array(k * dims);
  const mass = new Float64Array(k);
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const scan = (i: number) => {
    let d1 = Infinity;
    let d2 = Infinity;
    let c1 = 0;
    for (let c = 0; c < k; c++) {
      const d = squaredDistance(points, i, centres, c, dims);
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
    sums.fill(0);
    mass.fill(0);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      const c = assignment[i];
      for (let d = 0; d < dims; d++) sums[c * dims + d] += w * points[i * dims + d];
      mass[c] += w;
    }
    let largestMove = 0;
    let secondMove = 0;
    let largestAt = -1;
    for (let c = 0; c < k; c++) {
      moved[c] = 0;
      if (mass[c] <= 0) continue;
      let move = 0;
      for (let d = 0; d < dims; d++) {
        const x = sums[c * dims + d] / mass[c];
        move += (x - centres[c * dims + d]) ** 2;
        centres[c * dims + d] = x;
      }
      moved[c] = Math.sqrt(move);
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
        nearest = Math.min(nearest, Math.sqrt(squaredDistance(centres, c, centres, d, dims)));
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
      upper[i] = Math.sqrt(squaredDistance(points, i, centres, a, dims));
      if (upper[i] <= bound) continue;
      scan(i);
      if (assignment[i] !== a) changed++;
    }
    if (changed === 0) break;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    inertia += (weights ? weights[i] : 1) * squaredDistance(points, i, centres, assignment[i], dims);
  }
  return compact(assignment, centres, inertia, dims);
}

/** Drops empty clusters and renumbers the rest in order of first appearance. */
function compact(assignment: Int32Array, centres: Float64Array, inertia: number, dims: number): KMeansResult {
  const k = centres.length / dims;
  const renumber = new Int32Array(k).fill(-1);
  let next = 0;
  for (let i = 0; i < assignment.length; i++)
    if (renumber[assignment[i]] < 0) renumber[assignment[i]] = next++;
  const kept = new Float64Array(dims * next);
  for (let c = 0; c < k; c++) {
    if (renumber[c] < 0) continue;
    for (let d = 0; d < dims; d++) kept[dims * renumber[c] + d] = centres[dims * c + d];
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
  dims = 2,
): { mean: number; standardError: number } {
  const n = points.length / dims;
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
      sums[assignment[j]] += weights[j] * Math.sqrt(squaredDistance(points, i, points, j, dims));
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
