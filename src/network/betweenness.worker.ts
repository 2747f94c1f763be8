// Worker-thread entry: runs the shared Brandes kernel over the sources it is sent and returns the
// summed dependencies at the end. The kernel itself stays pure in brandes-kernel.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { accumulateDependencies, createWorkspace, type KernelGraph } from './brandes-kernel.js';

export type WorkerRequest = { type: 'sources'; sources: Int32Array } | { type: 'finish' };
export type WorkerReply = { type: 'done'; count: number } | { type: 'result'; raw: Float64Array };

const graph = workerData as KernelGraph;
const raw = new Float64Array(graph.n);
const workspace = createWorkspace(graph);
const port = parentPort!;

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'sources') {
    accumulateDependencies(graph, request.sources, raw, workspace);
    port.postMessage({ type: 'done', count: request.sources.length } satisfies WorkerReply);
  } else {
    port.postMessage({ type: 'result', raw } satisfies WorkerReply, [raw.buffer]);
  }
});
