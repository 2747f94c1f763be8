import { kMeans, weightedSilhouette } from './kmeans.js';
import { seededPrng } from './prng.js';
import type { VoteMatrix } from './vote-matrix.js';

/**
 * Opinion groups as Pol.is finds them: participants on the opinion map are first compressed into up
 * to 100 base clusters, whose centres (weighted by their members) are then grouped for
 * k = 2 ... min(5, 2 + floor(bases / 12)), keeping the k with the best silhouette. Unlike Pol.is,
 * every k-means here starts from k-means++ seeds of a seeded PRNG, several times, and the
 * silhouette is weighted by members so that it speaks for participants, not for base clusters.
 */
export interface OpinionGroupsOptions {
  seed?: number;
  baseClusterCount?: number;
  maxGroups?: number;
  /** k-means++ starts per k for the group clustering. */
  restarts?: number;
  /**
   * Warm start from a previous clustering (replay): k-means continues from the previous centres and,
   * like Pol.is, does not look for other optima.
   */
  previous?: OpinionGroups;
  /** Coordinates per participant in the points given (default 2: the opinion map). */
  dims?: number;
  /** Chooses k from the silhouettes (default: one-standard-error rule). Replay passes Pol.is' k smoother. */
  chooseK?: (silhouettes: Record<number, Silhouette>) => number;
}

export interface Silhouette {
  mean: number;
  standardError: number;
}

export interface OpinionGroups {
  /** Per participant: clustered (1) or not (0). */
  clustered: Uint8Array;
  /** Per participant: base cluster, -1 when not clustered. */
  baseOf: Int32Array;
  baseCentres: Float64Array;
  baseWeights: Float64Array;
  /** Per base cluster: its group. */
  groupOfBase: Int32Array;
  /** Per participant: opinion group, -1 when not clustered. */
  groupOf: Int32Array;
  groupCount: number;
  /** Silhouette per candidate k (index k). */
  silhouettes: Record<number, Silhouette>;
  /** Group centres per candidate k, for warm starts. */
  centresByK: Record<number, Float64Array>;
}

function warmBaseCentres(
  previous: OpinionGroups | undefined,
  k: number,
  dims: number,
): Float64Array | undefined {
  if (!previous || previous.baseCentres.length === 0) return undefined;
  if (previous.baseCentres.length % dims !== 0) return undefined;
  return previous.baseCentres.length <= dims * k
    ? previous.baseCentres
    : previous.baseCentres.slice(0, dims * k);
}

/**
 * Participants clustered: those with at least min(7, columns) votes; when fewer than 15 qualify, the
 * most active are added up to 15 (Pol.is' in-conv rule).
 */
export function clusterableParticipants(matrix: VoteMatrix, columnCount: number): Uint8Array {
  const n = matrix.participantCount;
  const out = new Uint8Array(n);
  const threshold = Math.min(7, columnCount);
  let count = 0;
  const votesOf = (r: number) => matrix.rowStart[r + 1] - matrix.rowStart[r];
  for (let r = 0; r < n; r++) {
    if (votesOf(r) >= threshold && votesOf(r) > 0) {
      out[r] = 1;
      count++;
    }
  }
  if (count < 15) {
    const rest = Array.from({ length: n }, (_, r) => r)
      .filter((r) => !out[r] && votesOf(r) > 0)
      .sort((a, b) => votesOf(b) - votesOf(a) || a - b);
    for (const r of rest.slice(0, 15 - count)) out[r] = 1;
  }
  return out;
}

export function findOpinionGroups(
  projection: Float64Array,
  clustered: Uint8Array,
  options: OpinionGroupsOptions = {},
): OpinionGroups {
  const n = clustered.length;
  const seed = options.seed ?? 0;
  const dims = options.dims ?? 2;
  const members: number[] = [];
  for (let r = 0; r < n; r++) if (clustered[r]) members.push(r);
  const points = new Float64Array(members.length * dims);
  members.forEach((r, i) => {
    for (let d = 0; d < dims; d++) points[dims * i + d] = projection[dims * r + d];
  });
  const baseOf = new Int32Array(n).fill(-1);
  const groupOf = new Int32Array(n).fill(-1);
  const empty: OpinionGroups = {
    clustered,
    baseOf,
    baseCentres: new Float64Array(0),
    baseWeights: new Float64Array(0),
    groupOfBase: new Int32Array(0),
    groupOf,
    groupCount: 0,
    silhouettes: {},
    centresByK: {},
  };
  if (members.length === 0) return empty;

  const baseK = Math.min(options.baseClusterCount ?? 100, distinctPoints(points, dims));
  const base = kMeans(points, baseK, seededPrng(seed ^ 0x0ba5e), {
    restarts: options.previous ? 0 : 1,
    // Base clusters only compress the participants; beyond the map's two dimensions Hamerly's bounds
    // prune less, and 10 Lloyd passes are enough for that.
    maxIterations: dims > 2 ? 10 : 100,
    dims,
    initial: warmBaseCentres(options.previous, baseK, dims),
  });
  members.forEach((r, i) => (baseOf[r] = base.assignment[i]));
  const baseWeights = new Float64Array(base.k);
  for (let i = 0; i < members.length; i++) baseWeights[base.assignment[i]]++;

  const maxK = Math.min(options.maxGroups ?? 5, 2 + Math.floor(base.k / 12), base.k);
  const silhouettes: Record<number, Silhouette> = {};
  const centresByK: Record<number, Float64Array> = {};
  const assignments: Record<number, Int32Array> = {};
  for (let k = 2; k <= maxK; k++) {
    const initial = options.previous?.centresByK[k];
    const run = kMeans(base.centres, k, seededPrng(seed * 31 + k), {
      weights: baseWeights,
      restarts: initial ? 0 : (options.restarts ?? 32),
      maxIterations: 100,
      dims,
      initial,
    });
    if (run.k !== k) continue;
    silhouettes[k] = weightedSilhouette(base.centres, baseWeights, run.assignment, run.k, dims);
    centresByK[k] = run.centres;
    assignments[k] = run.assignment;
  }
  const chosenK = Object.keys(silhouettes).length ? (options.chooseK ?? oneStandardErrorK)(silhouettes) : 0;
  const best = assignments[chosenK] ? { k: chosenK, assignment: assignments[chosenK] } : undefined;
  const groupOfBase = best ? canonicalOrder(best.assignment, baseWeights, best.k) : new Int32Array(base.k);
  const groupCount = best ? best.k : 1;
  for (let r = 0; r < n; r++) if (baseOf[r] >= 0) groupOf[r] = groupOfBase[baseOf[r]];
  return {
    clustered,
    baseOf,
    baseCentres: base.centres,
    baseWeights,
    groupOfBase,
    groupOf,
    groupCount,
    silhouettes,
    centresByK,
  };
}

/**
 * The one-standard-error rule: the smallest k whose mean silhouette is within one standard error of
 * the best. More groups must earn their place; a hair's better silhouette is noise.
 */
export function oneStandardErrorK(silhouettes: Record<number, Silhouette>): number {
  const best = bestSilhouette(silhouettes);
  const floor = silhouettes[best].mean - silhouettes[best].standardError;
  const ks = Object.keys(silhouettes)
    .map(Number)
    .sort((a, b) => a - b);
  return ks.find((k) => silhouettes[k].mean >= floor) ?? best;
}

/** The k with the highest silhouette (the smallest such k on a tie). */
export function bestSilhouette(silhouettes: Record<number, Silhouette>): number {
  let bestK = 0;
  for (const [k, s] of Object.entries(silhouettes)) {
    if (bestK === 0 || s.mean > silhouettes[bestK].mean + 1e-12) bestK = Number(k);
  }
  return bestK;
}

function distinctPoints(points: Float64Array, dims: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < points.length; i += dims) seen.add(points.subarray(i, i + dims).join(','));
  return seen.size;
}

/** Numbers groups by size (largest first), so that ids do not depend on which seed landed where. */
function canonicalOrder(assignment: Int32Array, weights: Float64Array, k: number): Int32Array {
  const size = new Float64Array(k);
  const first = new Int32Array(k).fill(assignment.length);
  for (let i = 0; i < assignment.length; i++) {
    size[assignment[i]] += weights[i];
    first[assignment[i]] = Math.min(first[assignment[i]], i);
  }
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => size[b] - size[a] || first[a] - first[b],
  );
  const renumber = new Int32Array(k);
  order.forEach((c, id) => (renumber[c] = id));
  return assignment.map((c) => renumber[c]);
}
