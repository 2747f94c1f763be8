// Worker-thread entry: the full recompute of one dialogue snapshot (PCA, projection, opinion groups,
// repness, consensus), so that a large dialogue's recompute never holds the server's event loop. The
// analysis itself stays pure in analysis.ts.
import { parentPort } from 'node:worker_threads';
import { analyzeMatrix, type MatrixAnalysis } from './analysis.js';
import type { IndexedDialogue } from './dialogue-data.js';

export interface AnalysisRequest {
  id: number;
  dialogue: IndexedDialogue;
  seed: number;
}
export type AnalysisReply =
  { id: number; analysis: MatrixAnalysis } | { id: number; error: { message: string; code?: string } };

const port = parentPort!;
port.on('message', (request: AnalysisRequest) => {
  try {
    const analysis = analyzeMatrix(request.dialogue, { seed: request.seed });
    port.postMessage({ id: request.id, analysis } satisfies AnalysisReply);
  } catch (error) {
    const e = error as { message?: string; code?: string };
    port.postMessage({
      id: request.id,
      error: { message: String(e.message), code: e.code },
    } satisfies AnalysisReply);
  }
});
