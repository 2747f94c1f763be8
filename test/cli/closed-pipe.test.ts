import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

/**
 * `tracktwo … | head`: the reader closes the pipe after a few bytes. The real process (bin/tracktwo.js)
 * must stop quietly with status 0, not die on an unhandled EPIPE with a stack trace on stderr.
 */
it('stops quietly when the reader of its output goes away', async () => {
  // A ring of 5,000 actors: its JSON is far larger than a pipe's buffer (64 KiB), so writes are still
  // pending when the reader leaves.
  const dir = mkdtempSync(join(tmpdir(), 'tt-pipe-'));
  const edges = join(dir, 'edges.csv');
  const ring = Array.from({ length: 5000 }, (_, i) => `${i},${(i + 1) % 5000}`);
  writeFileSync(edges, `source,target\n${ring.join('\n')}\n`);
  const child = spawn(
    process.execPath,
    [
      resolve('bin/tracktwo.js'),
      'network',
      'analyze',
      '--edges',
      edges,
      '--format',
      'json',
      '--metrics',
      'degree',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', (status) => done(status)));
  rmSync(dir, { recursive: true, force: true });
  expect(stderr).not.toContain('EPIPE');
  expect(code).toBe(0);
}, 60_000);
