import type { LayoutRequest, LayoutResponse } from './layout.worker.js';

/** Runs the layout in its worker and resolves with the positions; the worker is ended either way. */
export function layoutInWorker(request: LayoutRequest): Promise<LayoutResponse> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'layout worker failed'));
      worker.terminate();
    };
    worker.postMessage(request);
  });
}
