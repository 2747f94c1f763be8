import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.js';
import { createDatabase, migrateToLatest, type StoreHandle } from '../../../src/store/database.js';
import { createVaultKeys, type VaultKeys } from '../../../src/security/vault.js';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const screenshotDir = join(repoRoot, 'test-results', 'screens');

/** Builds the browser app with Vite's JS API into a temp dir, as `npm run build:web` would. */
export async function buildWebApp(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(repoRoot, 'web', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: StoreHandle;
  keys: VaultKeys;
  close(): Promise<void>;
}

/** The real server on a random loopback port, with a fresh SQLite database and the built web app. */
export async function startServer(webDir: string, dataDir: string): Promise<RunningServer> {
  const store = createDatabase(`sqlite:${join(dataDir, 'tracktwo.db')}`);
  await migrateToLatest(store.db);
  const keys = createVaultKeys(randomBytes(32));
  const app = await buildApp({ store, keys, settings: { webDir } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    keys,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TRACKTWO_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserRig {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** One build, one server, one browser per test file; torn down together. */
export async function startRig(): Promise<BrowserRig> {
  const workDir = mkdtempSync(join(tmpdir(), 'tracktwo-browser-'));
  const webDir = join(workDir, 'web');
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(screenshotDir, { recursive: true });
  const [, browser] = await Promise.all([buildWebApp(webDir), launchChromium()]);
  const server = await startServer(webDir, dataDir);
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
