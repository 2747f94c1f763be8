// Start-up time of the command line, measured as hyperfine would: the same command run again and again
// in fresh processes, the median (with the fastest and slowest run) reported.
//   1. `node bin/tracktwo.js --help`: spawn to exit.
//   2. `node bin/tracktwo.js serve` on an existing, already-migrated SQLite database: spawn to the first
//      200 answer of GET /api/health (polled every 5 ms), then SIGTERM.
// Usage: npx tsx bench/startup/run.ts [--runs N] [--bin PATH]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../test/support/free-port.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, bin: { type: 'string', default: 'bin/tracktwo.js' } },
});
const runs = Math.max(1, Number(values.runs));
const bin = resolve(values.bin);

function summary(label: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const f = (x: number) => (x / 1000).toFixed(3);
  return `${label}: median ${f(median)} s (range ${f(sorted[0])}-${f(sorted.at(-1)!)} s, ${ms.length} runs)`;
}

function timeHelp(): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, '--help'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`tracktwo --help exited with ${result.status}`);
  return elapsed;
}

/** Spawn to the first 200 of /api/health; the process is stopped afterwards. */
async function timeServe(dir: string): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      PORT: String(port),
      TRACKTWO_DATABASE_URL: `sqlite:${join(dir, 'tracktwo.db')}`,
      TRACKTWO_MASTER_KEY_FILE: join(dir, 'master.key'),
      TRACKTWO_NO_DEMO: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`tracktwo serve exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.status === 200) return performance.now() - start;
      } catch {
        // not listening yet
      }
      await new Promise((wait) => setTimeout(wait, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tt-startup-'));
try {
  console.log(`${process.version}, load average ${loadavg()[0].toFixed(2)}, ${bin}`);
  timeHelp(); // warm the file cache
  const help = Array.from({ length: runs }, timeHelp);
  console.log(summary('tracktwo --help', help));
  await timeServe(dir); // creates and migrates the database and the master key
  const serve: number[] = [];
  for (let i = 0; i < runs; i++) serve.push(await timeServe(dir));
  console.log(summary('tracktwo serve to GET /api/health 200 (migrated SQLite)', serve));
  console.log(`load average ${loadavg()[0].toFixed(2)} at the end`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
