import { availableParallelism } from 'node:os';
import { betweennessOnWorkers, pathMeasuresOnWorkers } from '../../network/betweenness-pool-worker.js';
import {
  betweenness,
  betweennessAndCloseness,
  sampledBetweenness,
  type PathMeasures,
} from '../../network/betweenness.js';
import type { Network } from '../../network/network.js';

/** From this many actors up, exact betweenness runs on worker threads (the CLI also shows a progress bar). */
export const largeActorMap = 2000;

export interface BetweennessSample {
  pivots: number;
  /** With probability `confidence`, every estimate lies within this of the exact value. */
  errorBound: number;
  confidence: number;
}

export interface BetweennessChoice {
  /** Sampled (pivot) betweenness from this many sources, when asked. */
  pivots?: number;
  seed?: number;
  /** Worker threads for exact betweenness; default: 1 below `largeActorMap` actors, else up to 4. */
  workers?: number;
  /** Stops the work on worker threads (e.g. when the client has gone): TT_ERR_NETWORK_CANCELLED. */
  signal?: AbortSignal;
  /** Sources done so far (the CLI's progress bar). */
  onProgress?: (done: number) => void;
}

/**
 * Betweenness of a network as the caller asked: sampled from pivots (with its error bound), or exact,
 * on worker threads when the network is large so the server's own thread is not held for long.
 */
export async function betweennessOf(
  network: Network,
  choice: BetweennessChoice,
): Promise<{ values: Float64Array; sample?: BetweennessSample }> {
  if (choice.pivots !== undefined) {
    const sampled = sampledBetweenness(network, choice.pivots, {
      seed: choice.seed ?? 1,
      signal: choice.signal,
      onProgress: choice.onProgress,
    });
    const { pivots, errorBound, confidence } = sampled;
    return { values: sampled.values, sample: { pivots, errorBound, confidence } };
  }
  const n = network.ids.length;
  const workers = choice.workers ?? (n >= largeActorMap ? Math.min(availableParallelism(), 4) : 1);
  const { signal, onProgress } = choice;
  if (workers > 1) return { values: await betweennessOnWorkers(network, { workers, signal, onProgress }) };
  return { values: betweenness(network, { signal, onProgress }) };
}

/** How many worker threads exact path measures use on a map of `n` actors (1: this thread). */
export function workersFor(n: number, asked?: number): number {
  return asked ?? (n >= largeActorMap ? Math.min(availableParallelism(), 4) : 1);
}

/**
 * Exact betweenness, closeness and harmonic closeness from one search per source: on worker threads
 * for a large map (every batch queued at once, so this thread may do other work while they run), else
 * here. The promise is made before the work starts on the workers, so the caller can compute meanwhile.
 */
export function pathMeasuresOf(
  network: Network,
  choice: Pick<BetweennessChoice, 'workers' | 'signal' | 'onProgress'>,
): Promise<PathMeasures> {
  const workers = workersFor(network.ids.length, choice.workers);
  const { signal, onProgress } = choice;
  if (workers > 1) return pathMeasuresOnWorkers(network, { workers, signal, onProgress, allAtOnce: true });
  return Promise.resolve().then(() => betweennessAndCloseness(network, { signal, onProgress }));
}
