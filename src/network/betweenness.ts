import { TrackTwoError } from '../domain/errors.js';
import {
  accumulateDependencies,
  createPathSums,
  createWorkspace,
  type KernelGraph,
  type PathSums,
} from './brandes-kernel.js';
import { arcDistances, type Network } from './network.js';
import { seededRandom, shuffledRange } from './prng.js';

export interface ProgressOptions {
  /** Called now and then with the number of sources done out of the total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The graph the Brandes kernel walks: out-arcs (and in-arcs), lengths 1 / strength when weighted. */
export function kernelGraph(network: Network): KernelGraph {
  return {
    n: network.ids.length,
    offsets: network.outOffsets,
    targets: network.outTargets,
    lengths: arcDistances(network),
    inOffsets: network.inOffsets,
    inTargets: network.inTargets,
    symmetric: !network.directed,
  };
}

/**
 * NetworkX's scaling (normalized=True, endpoints excluded): 1 / ((n-1)(n-2)). Sums over all sources
 * count each undirected pair twice, which this scale already expects. `sampled` pivots of n scale up by n / k.
 */
export function normaliseBetweenness(raw: Float64Array, n: number, sampled = n): Float64Array {
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  const factor = scale * (n / sampled);
  const result = new Float64Array(raw.length);
  for (let v = 0; v < raw.length; v++) result[v] = raw[v] * factor;
  return result;
}

function cancelled(): TrackTwoError {
  return new TrackTwoError('TT_ERR_NETWORK_CANCELLED', { reason: 'betweenness' });
}

function runSources(
  graph: KernelGraph,
  sources: Int32Array,
  options: ProgressOptions,
  sums?: PathSums,
): Float64Array {
  const raw = new Float64Array(graph.n);
  const workspace = createWorkspace(graph);
  const step = Math.max(1, Math.floor(sources.length / 100));
  if (options.signal?.aborted) throw cancelled();
  accumulateDependencies(
    graph,
    sources,
    raw,
    workspace,
    (done) => {
      if (done % step === 0 || done === sources.length) {
        options.onProgress?.(done, sources.length);
        if (options.signal?.aborted) return false;
      }
    },
    sums,
  );
  if (options.signal?.aborted) throw cancelled();
  return raw;
}

/** Exact betweenness (Brandes 2001), normalised as NetworkX, on this thread. */
export function betweenness(network: Network, options: ProgressOptions = {}): Float64Array {
  const n = network.ids.length;
  const sources = new Int32Array(n);
  for (let i = 0; i < n; i++) sources[i] = i;
  return normaliseBetweenness(runSources(kernelGraph(network), sources, options), n);
}

/** Exact betweenness, closeness and harmonic closeness from one search per source (see PathSums). */
export interface PathMeasures {
  betweenness: Float64Array;
  closeness: Float64Array;
  harmonic: Float64Array;
}

/**
 * Closeness as NetworkX computes it from the path sums of every source: (r-1)/sum(d) scaled by
 * (r-1)/(n-1), r the actors (itself included) that reach each actor; harmonic closeness as summed.
 */
export function pathMeasures(raw: Float64Array, sums: PathSums, n: number): PathMeasures {
  const closeness = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const r = sums.reached[v];
    const total = sums.total[v];
    if (total > 0 && n > 1) closeness[v] = ((r - 1) / total) * ((r - 1) / (n - 1));
  }
  return { betweenness: normaliseBetweenness(raw, n), closeness, harmonic: Float64Array.from(sums.harmonic) };
}

/** Exact betweenness, closeness and harmonic closeness on this thread, in one search per source. */
export function betweennessAndCloseness(network: Network, options: ProgressOptions = {}): PathMeasures {
  const n = network.ids.length;
  const sources = new Int32Array(n);
  for (let i = 0; i < n; i++) sources[i] = i;
  const sums = createPathSums(n);
  const raw = runSources(kernelGraph(network), sources, options, sums);
  return pathMeasures(raw, sums, n);
}

export interface SampledBetweenness {
  values: Float64Array;
  pivots: number;
  /**
   * With probability at least `confidence`, every actor's estimate is within `errorBound` of its
   * exact normalised betweenness (Hoeffding's inequality over the k pivots, union bound over the n actors).
   */
  errorBound: number;
  confidence: number;
}

/**
 * Pivot-sampled betweenness (Brandes & Pich 2007): k sources drawn without replacement, scaled by n/k.
 * Each pivot's scaled contribution to a normalised score lies in [0, n/(n-1)], hence the bound
 * eps = n/(n-1) * sqrt(ln(2n/(1-confidence)) / (2k)).
 */
export function sampledBetweenness(
  network: Network,
  pivots: number,
  options: ProgressOptions & { seed?: number; confidence?: number } = {},
): SampledBetweenness {
  const n = network.ids.length;
  const k = Math.max(1, Math.min(n, Math.floor(pivots)));
  const confidence = options.confidence ?? 0.95;
  const sources = shuffledRange(n, seededRandom(options.seed ?? 1)).subarray(0, k);
  const values = normaliseBetweenness(runSources(kernelGraph(network), sources, options), n, k);
  const errorBound =
    k === n || n < 2 ? 0 : (n / (n - 1)) * Math.sqrt(Math.log((2 * n) / (1 - confidence)) / (2 * k));
  return { values, pivots: k, errorBound, confidence };
}

/** How many pivots guarantee `errorBound` with `confidence` (the bound above solved for k). */
export function pivotsForErrorBound(n: number, errorBound: number, confidence = 0.95): number {
  const scale = n / Math.max(1, n - 1);
  return Math.min(
    n,
    Math.ceil((scale * scale * Math.log((2 * n) / (1 - confidence))) / (2 * errorBound ** 2)),
  );
}
