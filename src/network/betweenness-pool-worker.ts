// The Node side of parallel betweenness: a pool of worker threads, each running the pure kernel on
// batches of sources handed out on demand (so a thread that draws cheap sources takes more). Named
// *-worker.ts because, like the entry file, it is allowed Node's thread API; nothing in the pure core
// imports it. Browser callers use betweenness() from betweenness.ts instead.
import type { Worker } from 'node:worker_threads';
import { TrackTwoError } from '../domain/errors.js';
import type { KernelGraph } from './brandes-kernel.js';
import type { WorkerReply, WorkerRequest } from './betweenness.worker.js';
import { kernelGraph, normaliseBetweenness, type ProgressOptions } from './betweenness.js';
import type { Network } from './network.js';
import { startWorker } from './start-worker.js';

export interface PoolOptions extends ProgressOptions {
  workers: number;
  /** Sources to run from (pivots for sampled betweenness); all actors when absent. */
  sources?: Int32Array;
}

function startKernelWorker(graph: KernelGraph): Worker {
  return startWorker('./betweenness.worker', import.meta.url, graph);
}

/** Raw (unnormalised) dependency sums over `sources`, computed on `workers` threads. */
export async function dependenciesOnWorkers(
  graph: KernelGraph,
  sources: Int32Array,
  options: ProgressOptions & { workers: number },
): Promise<Float64Array> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new TrackTwoError('TT_ERR_NETWORK_CANCELLED', { reason: 'betweenness' });
  const workerCount = Math.max(1, Math.min(options.workers, sources.length || 1));
  const batch = Math.max(8, Math.min(256, Math.ceil(sources.length / (workerCount * 40))));
  const workers = Array.from({ length: workerCount }, () => startKernelWorker(graph));
  const total = new Float64Array(graph.n);
  let handedOut = 0;
  let done = 0;
  const handOut = (worker: Worker): boolean => {
    if (handedOut >= sources.length) return false;
    const next = sources.slice(handedOut, Math.min(sources.length, handedOut + batch));
    handedOut += next.length;
    worker.postMessage({ type: 'sources', sources: next } satisfies WorkerRequest, [next.buffer]);
    return true;
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
            onProgress?.(done, sources.length);
            if (!handOut(worker)) worker.postMessage({ type: 'finish' } satisfies WorkerRequest);
          } else {
            for (let v = 0; v < graph.n; v++) total[v] += reply.raw[v];
            if (++finished === workers.length) {
              signal?.removeEventListener('abort', abort);
              resolve();
            }
          }
        });
        if (!handOut(worker)) worker.postMessage({ type: 'finish' } satisfies WorkerRequest);
      }
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
