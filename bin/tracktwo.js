#!/usr/bin/env node
// Runs the TypeScript sources straight from a checkout: `npx tracktwo …` works right after `npm install`.
import { register } from 'tsx/esm/api';

// A reader that stops early (`tracktwo network analyze … | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
