import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium, type FoundChromium } from '../../support/chromium.js';
import { stopTestRun } from '../../support/stop-run.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium executable the browser tests launch (found once per run, see test/support/chromium.ts). */
    chromiumPath: string;
  }
}

/**
 * Runs once per test run, in vitest's main process, before any browser test file: finds the Chromium
 * (decompressing the packaged one at most once, never in several workers at the same time), proves it
 * starts, and hands its path to the workers. Without a Chromium that starts, the run stops here with one
 * line saying what is missing, instead of every browser test failing on its own.
 */
export default async function setup(project: TestProject): Promise<void> {
  let found: FoundChromium | undefined;
  try {
    found = await findChromium();
    const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
    const version = browser.version();
    await browser.close();
    process.stderr.write(
      `[tracktwo tests] browser tests use Chromium ${version} at ${found.executablePath} (${found.source})\n`,
    );
  } catch (error) {
    const what = found
      ? `Chromium at ${found.executablePath} (${found.source}) does not start`
      : 'no Chromium';
    const reason = firstLine(error);
    stopTestRun(`browser tests cannot run: ${what} (${reason}); ${CHROMIUM_HELP}.`);
  }
  project.provide('chromiumPath', found.executablePath);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
}
