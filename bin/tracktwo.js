#!/usr/bin/env node
// Runs the compiled command line (dist/src, made by `npm run build`, which `npm install` runs) when it was
// compiled from the sources as they are now; otherwise the TypeScript sources through tsx, so someone
// editing src/ never runs stale code. Both start the same main().
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from '../scripts/build-stamp.js';

// A reader that stops early (`tracktwo network analyze … | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const root = fileURLToPath(new URL('..', import.meta.url));
let main;
if (isBuildFresh(root)) {
  ({ main } = await import('../dist/src/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
