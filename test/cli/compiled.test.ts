import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * The command line as `npm run build` compiles it (tsconfig.build.json): compiled into a directory of its
 * own (under node_modules/.cache, so the compiled code finds the packages as dist/ would), it runs, and
 * betweenness on two worker threads starts the compiled worker (betweenness.worker.js, not the tsx
 * bootstrap) and gives what one thread gives.
 */

const repo = resolve(import.meta.dirname, '../..');
let outDir = '';
let edges = '';

beforeAll(() => {
  const cache = join(repo, 'node_modules', '.cache', 'tracktwo');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'compiled-test-'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const built = spawnSync(
    process.execPath,
    [tsc, '-p', join(repo, 'tsconfig.build.json'), '--outDir', outDir],
    {
      encoding: 'utf8',
    },
  );
  expect(built.status, built.stdout + built.stderr).toBe(0);
  // Two triangles joined by a path: the middle actors carry all the betweenness.
  edges = join(outDir, 'edges.csv');
  writeFileSync(edges, 'source,target\na,b\nb,c\nc,a\nc,d\nd,e\ne,f\nf,g\ng,e\n');
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function compiled(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // An entry file, as bin/tracktwo.js is (worker threads inherit the flags of `node -e`).
  const entry = join(outDir, 'tracktwo.mjs');
  const main = pathToFileURL(join(outDir, 'src', 'cli', 'main.js')).href;
  writeFileSync(
    entry,
    `const { main } = await import(${JSON.stringify(main)});\nprocess.exitCode = await main(process.argv);\n`,
  );
  return spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', cwd: repo });
}

it('runs compiled, with betweenness on worker threads the same as on one thread', () => {
  const run = (workers: string) => {
    const result = compiled([
      'network',
      'analyze',
      '--edges',
      edges,
      '--metrics',
      'betweenness',
      '--workers',
      workers,
      '--format',
      'json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as unknown;
  };
  const one = run('1');
  expect(JSON.stringify(one)).toContain('betweenness');
  expect(run('2')).toEqual(one);
  const help = compiled(['--help']);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('Usage: tracktwo');
});
