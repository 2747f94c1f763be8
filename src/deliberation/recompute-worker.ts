// The Node side of background recomputes: one long-lived worker thread per process that runs full
// recomputes one after another (named *-worker.ts: allowed Node's thread API; the cores never import it).
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../network/start-worker.js';
import type { MatrixAnalysis } from './analysis.js';
import type { AnalysisReply, AnalysisRequest } from './analysis.worker.js';
import type { RecomputeSnapshot } from './deliberation-state.js';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (a: MatrixAnalysis) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
  worker = null;
}

function theWorker(): Worker {
  if (worker) return worker;
  const w = startWorker('./analysis.worker', import.meta.url);
  // A worker waiting for work must not keep the process alive.
  w.unref();
  w.on('message', (reply: AnalysisReply) => {
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) w.unref();
    if ('analysis' in reply) entry.resolve(reply.analysis);
    else entry.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
  });
  w.on('error', failAll);
  w.on('exit', (code) => failAll(new Error(`recompute worker stopped with exit code ${code}`)));
  worker = w;
  return w;
}

/** The full recompute of a snapshot on the worker thread; the caller adopts the result. */
export function recomputeOnWorker(snapshot: RecomputeSnapshot): Promise<MatrixAnalysis> {
  const w = theWorker();
  const id = nextId++;
  const request: AnalysisRequest = { id, dialogue: snapshot.dialogue, seed: snapshot.seed };
  return new Promise<MatrixAnalysis>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    // The snapshot's arrays are copies made for this recompute: hand them over rather than copy again.
    const m = snapshot.dialogue.matrix;
    w.postMessage(request, [m.rowStart.buffer, m.statementOf.buffer, m.value.buffer] as ArrayBuffer[]);
  });
}

/** Stops the worker (tests, graceful shutdown). */
export async function stopRecomputeWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
