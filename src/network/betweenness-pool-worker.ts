// The Node side of parallel betweenness: a pool of worker threads, each running the pure kernel on
// batches of sources handed out on demand (so a thread that draws cheap sources takes more). Named
// *-worker.ts because, like the entry file, it is allowed Node's thread API; nothing in the pure core
// imports it. Browser callers use betweenness() from betweenness.ts instead.
import type { Worker } from 'node:worker_threads';
import { TrackTwoError } from '../domain/errors.js';
import type { KernelGraph } from './brandes-kernel.js';
import type { WorkerData, WorkerReply, WorkerRequest } from './betweenness.worker.js';
import {
  kernelGraph,
  normaliseBetweenness,
  pathMeasures,
  type PathMeasures,
  type ProgressOptions,
} from './betweenness.js';
import type { Network } from './network.js';
import { startWorker } from './start-worker.js';

export interface PoolOptions extends ProgressOptions {
  workers: number;
  /** Sources to run from (pivots for sampled betweenness); all actors when absent. */
  sources?: Int32Array;
}

function startKernelWorker(graph: KernelGraph, withPathSums: boolean): Worker {
  return startWorker('./betweenness.worker', import.meta.url, {
    ...graph,
    withPathSums,
  } satisfies WorkerData);
}

/**
 * Raw (unnormalised) dependency sums over `sources`, computed on `workers` threads; with `withPathSums`,
 * followed by the path sums (total, reached, harmonic: n values each) of the same searches.
 */
export async function dependenciesOnWorkers(
  graph: KernelGraph,
  sources: Int32Array,
  options: ProgressOptions & { workers: number; withPathSums?: boolean; allAtOnce?: boolean },
): Promise<Float64Array> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new TrackTwoError('TT_ERR_NETWORK_CANCELLED', { reason: 'betweenness' });
  const workerCount = Math.max(1, Math.min(options.workers, sources.length || 1));
  const batch = Math.max(8, Math.min(256, Math.ceil(sources.length / (workerCount * 40))));
  const withPathSums = options.withPathSums === true;
  const workers = Array.from({ length: workerCount }, () => startKernelWorker(graph, withPathSums));
  const total = new Float64Array(withPathSums ? 4 * graph.n : graph.n);
  let handedOut = 0;
  let done = 0;
  // Batches sent to each worker and not yet done: a worker is told to finish once it has none and
  // nothing is left to hand out.
  const outstanding = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
  const handOut = (worker: Worker): boolean => {
    if (handedOut >= sources.length) return false;
    const next = sources.slice(handedOut, Math.min(sources.length, handedOut + batch));
    handedOut += next.length;
    outstanding.set(worker, outstanding.get(worker)! + 1);
    worker.postMessage({ type: 'sources', sources: next } satisfies WorkerRequest, [next.buffer]);
    return true;
  };
  const nextOrFinish = (worker: Worker) => {
    if (handOut(worker) || outstanding.get(worker)! > 0) return;
    worker.postMessage({ type: 'finish' } satisfies WorkerRequest);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const abort = () => reject(new TrackTwoError('TT_ERR_NETWORK_CANCELLED', { reason: 'betweenness' }));
      signal?.addEventListener('abort', abort, { once: true });
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`betweenness worker stopped with exit code ${code}`));
        });
        worker.on('message', (reply: WorkerReply) => {
          if (reply.type === 'done') {
            done += reply.count;
            outstanding.set(worker, outstanding.get(worker)! - 1);
            onProgress?.(done, sources.length);
            nextOrFinish(worker);
          } else {
            for (let v = 0; v < total.length; v++) total[v] += reply.raw[v];
            if (++finished === workers.length) {
              signal?.removeEventListener('abort', abort);
              resolve();
            }
          }
        });
      }
      if (options.allAtOnce) {
        // Every batch queued now, in turn: this thread may be busy with other work meanwhile and could
        // not hand batches out on demand.
        for (let turn = 0; handedOut < sources.length; turn++) handOut(workers[turn % workers.length]);
      }
      for (const worker of workers) nextOrFinish(worker);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return total;
}

/** Exact (or, with `sources`, pivot-sampled) betweenness on worker threads, normalised as NetworkX. */
export async function betweennessOnWorkers(network: Network, options: PoolOptions): Promise<Float64Array> {
  const n = network.ids.length;
  const sources = options.sources ?? Int32Array.from({ length: n }, (_, i) => i);
  const raw = await dependenciesOnWorkers(kernelGraph(network), sources, options);
  return normaliseBetweenness(raw, n, sources.length);
}

/** Exact betweenness, closeness and harmonic closeness on worker threads, from one search per source. */
export async function pathMeasuresOnWorkers(
  network: Network,
  options: ProgressOptions & { workers: number; allAtOnce?: boolean },
): Promise<PathMeasures> {
  const n = network.ids.length;
  const sources = Int32Array.from({ length: n }, (_, i) => i);
  const packed = await dependenciesOnWorkers(kernelGraph(network), sources, {
    ...options,
    withPathSums: true,
  });
  return pathMeasures(
    packed.subarray(0, n),
    {
      total: packed.subarray(n, 2 * n),
      reached: packed.subarray(2 * n, 3 * n),
      harmonic: packed.subarray(3 * n),
    },
    n,
  );
}
