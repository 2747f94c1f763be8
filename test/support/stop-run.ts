/**
 * Stops the whole test run from a vitest globalSetup with one line on stderr and exit status 1. A thrown
 * error would be reported as "No test files found" plus the project listings, which buries the one fact
 * that matters: what is missing and how to get it.
 */
export function stopTestRun(line: string): never {
  process.stderr.write(`\n[tracktwo tests] ${line}\n\n`);
  process.exit(1);
}
