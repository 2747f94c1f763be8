import { postgresProblem } from './databases.js';
import { stopTestRun } from './stop-run.js';

/**
 * Runs once per test run, before the first test file: what npm cannot install (PostgreSQL) is checked
 * here, so its absence stops the run with one line instead of failing every store test on its own.
 */
export default async function setup(): Promise<void> {
  const problem = await postgresProblem();
  if (problem !== undefined) stopTestRun(problem);
}
