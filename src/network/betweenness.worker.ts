// Worker-thread entry: runs the shared Brandes kernel over the sources it is sent and returns the
// summed dependencies at the end. The kernel itself stays pure in brandes-kernel.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { accumulateDependencies, createWorkspace, type KernelGraph } from './brandes-kernel.js';

export type WorkerRequest = { type: 'sources'; sources: Int32Array } | { type: 'finish' };
/** `raw` holds the dependencies, then (with `withPathSums`) the path sums: total, reached, harmonic. */
export type WorkerReply = { type: 'done'; count: number } | { type: 'result'; raw: Float64Array };
export type WorkerData = KernelGraph & { withPathSums?: boolean };

const graph = workerData as WorkerData;
const n = graph.n;
const buffer = new Float64Array(graph.withPathSums ? 4 * n : n);
const raw = buffer.subarray(0, n);
const sums = graph.withPathSums
  ? {
      total: buffer.subarray(n, 2 * n),
      reached: buffer.subarray(2 * n, 3 * n),
      harmonic: buffer.subarray(3 * n),
    }
  : undefined;
const workspace = createWorkspace(graph);
const port = parentPort!;

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'sources') {
    accumulateDependencies(graph, request.sources, raw, workspace, undefined, sums);
    port.postMessage({ type: 'done', count: request.sources.length } satisfies WorkerReply);
  } else {
    port.postMessage({ type: 'result', raw: buffer } satisfies WorkerReply, [buffer.buffer]);
  }
});
