#!/usr/bin/env node
// `npm run build` (and `prepare`, run by npm install and npm ci): compiles the server and the command
// line (src/) to JavaScript in dist/src with tsc, then writes dist/src/.build-stamp dated when the compile
// started, so bin/tracktwo.js runs the compiled code only while no source has changed since.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP } from './build-stamp.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // Installed without devDependencies: bin/tracktwo.js runs the sources with tsx instead.
  process.stderr.write(
    'tracktwo build: TypeScript is not installed; the command line will run the sources.\n',
  );
  process.exit(0);
}
const started = new Date();
rmSync(join(root, 'dist', 'src'), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
const stamp = join(root, STAMP);
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
