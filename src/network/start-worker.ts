// Starting a worker thread from a sibling entry file, compiled or under tsx/vitest. Named
// start-worker.ts beside the pure cores because, like *.worker.ts entries, it may use Node's thread API.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * `entry` is the worker file's URL without extension, relative to `from` (the caller's import.meta.url).
 * Under tsx or vitest the entry is a .ts file. A worker thread does not inherit the parent's loader
 * hooks, and Node 20 applies `execArgv: ['--import', 'tsx']` too late for the entry file, so the worker
 * starts from a two-line bootstrap that registers tsx's ESM hooks and then imports the entry. tsx is
 * found from this file, so it works whatever the current directory is.
 */
export function startWorker(entry: string, from: string, workerData?: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`${entry}.js`, from), { workerData });
  const href = new URL(`${entry}.ts`, from).href;
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve('tsx/package.json');
  const manifest = require('tsx/package.json') as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = pathToFileURL(join(dirname(packageFile), manifest.exports['./esm/api'].import.default)).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
