import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every answer a test sees is checked against its route's response schema (test/support/response-contract.ts).
    setupFiles: ['test/support/response-contract.ts'],
    // Two projects so that the browser tests' global setup (finding and starting Chromium) runs only in a
    // run that includes browser tests: vitest runs a project's globalSetup only when it has files to run.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/support/global-setup.ts'],
        },
      },
    ],
  },
});
