/**
 * The map at the size of a real one: a seeded Kumu file of 3,000 actors and 12,000 ties (communities of
 * each side tied mostly within, some ties across, a few hostile) imported into the demo conflict, then
 * measured: bytes of the graph routes (records and columns), time of the metrics call cold and cached,
 * and time to the first picture of the map in Chromium (from navigation to sigma's first drawn frame).
 *
 * Run: `npx tsx bench/network/map-scale.ts [--runs 3]` (CHROMIUM or TRACKTWO_CHROMIUM, default
 * /usr/bin/chromium). Loopback only. Prints a JSON summary and a markdown table.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import { createDatabase, migrateToLatest } from '../../src/store/database.js';
import { createVaultKeys } from '../../src/security/vault.js';
import { createAccount, grantWorkspaceAdmin } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { importKumu } from '../../src/services/interchange/import-kumu.js';
import { getConflict } from '../../src/store/repositories/conflicts.js';
import { seededRandom } from '../../src/network/prng.js';
import { CHROMIUM_ARGS } from '../../test/support/chromium.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;
const ACTORS = 3000;
const TIES = 12000;

/** Kumu's two CSV files: elements with a column for the divide, connections with kinds and strengths. */
export function kumuFiles(
  divide: string,
  groups: readonly string[],
  seed = 12,
): { elements: string; connections: string } {
  const random = seededRandom(seed);
  const label = (i: number) => `Bench actor ${String(i).padStart(4, '0')}`;
  const sideOf = (i: number) => i % groups.length;
  // Ten communities per side: 70% of ties inside one, 20% elsewhere inside the side, 10% anywhere.
  const elements = ['Label,Type,Role,Track,' + divide];
  for (let i = 0; i < ACTORS; i++) {
    elements.push(`${label(i)},Person,peace_activist,${random() < 0.05 ? '1' : '2'},${groups[sideOf(i)]}`);
  }
  const kinds = ['knows', 'trusts', 'works_with', 'kin'];
  const seen = new Set<string>();
  const connections = ['From,To,Type,Direction,Strength'];
  while (connections.length - 1 < TIES) {
    const a = Math.floor(random() * ACTORS);
    const r = random();
    let b = Math.floor(random() * ACTORS);
    if (r < 0.7) {
      // Same side and community: step by the number of communities times sides.
      const step = groups.length * 10;
      b = (a % step) + step * Math.floor(random() * Math.floor(ACTORS / step));
    } else if (r < 0.9) {
      b = sideOf(a) + groups.length * Math.floor(random() * Math.floor(ACTORS / groups.length));
    }
    if (a === b || b >= ACTORS) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = random() < 0.03 ? 'hostile' : kinds[Math.floor(random() * kinds.length)];
    connections.push(`${label(a)},${label(b)},${kind},undirected,${1 + Math.floor(random() * 5)}`);
  }
  return { elements: elements.join('\n'), connections: connections.join('\n') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values: number[]) => `${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)}`;

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'tracktwo-map-scale-'));
  const webDir = join(workDir, 'web');
  mkdirSync(join(workDir, 'data'), { recursive: true });
  const loadStart = loadavg()[0];
  process.env.NODE_ENV = 'production';
  await build({
    configFile: join(repoRoot, 'web', 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: webDir, emptyOutDir: true },
  });
  const store = createDatabase(`sqlite:${join(workDir, 'data', 'tracktwo.db')}`);
  await migrateToLatest(store.db);
  const keys = createVaultKeys(randomBytes(32));
  const app = await buildApp({ store, keys, settings: { webDir } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.TRACKTWO_CHROMIUM ?? process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const demo = await loadDemoWorkspace(store.db, keys);
    const system = systemAuth('map-scale bench');
    const person = { email: 'bench@map.test', password: 'seven quiet herons measure the harbour map' };
    const token = await store.db.transaction().execute(async (trx) => {
      const admin = await createAccount(trx, keys, system, { ...person, displayName: 'Bench' });
      await grantWorkspaceAdmin(trx, keys, system, { workspaceId: demo.workspaceId, accountId: admin.id });
      return (
        await createApiToken(trx, keys, { accountId: admin.id }, { accountId: admin.id, name: 'bench' })
      ).token;
    });
    const conflict = (await getConflict(store.db, demo.conflictId))!;
    const divide = conflict.divides[0];
    const files = kumuFiles(
      divide.name,
      divide.groups.map((g) => g.name),
    );
    const ctx = { db: store.db, dialect: store.dialect, keys, auth: system };
    const importStart = performance.now();
    const imported = await importKumu(ctx, demo.conflictId, files.elements, files.connections);
    const importSeconds = (performance.now() - importStart) / 1000;

    const get = async (path: string) => {
      const start = performance.now();
      const response = await fetch(`${url}/api/conflicts/${demo.conflictId}/network/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
      return { seconds: (performance.now() - start) / 1000, bytes: Buffer.byteLength(body) };
    };
    // Cold: the first call after the import computes; cached: the same question again.
    const metricsCold = await get('metrics');
    const metricsCached: number[] = [];
    for (let i = 0; i < runs; i++) metricsCached.push((await get('metrics')).seconds);
    const records = await get('graph');
    const columns = await get('graph-columns');
    const columnsCached = await get('graph-columns');

    // Time to first picture: navigation to the map until sigma has drawn (its canvases exist and the
    // status line counts the actors), in a fresh page each run; the measures are cached by then, as they
    // are for an analyst once anybody has opened the map since the last change.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const firstPicture: number[] = [];
    const settledAfter: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${url}/#/w/${demo.workspaceId}`);
      await page.getByRole('heading', { name: 'Conflicts' }).waitFor();
      const start = performance.now();
      await page.goto(`${url}/#/w/${demo.workspaceId}/map?conflict=${demo.conflictId}`);
      await page
        .locator('[data-testid="network-map"] canvas')
        .first()
        .waitFor({ state: 'attached', timeout: 120_000 });
      await page.getByText(/actors and \d+ ties shown/).waitFor({ timeout: 120_000 });
      firstPicture.push((performance.now() - start) / 1000);
      await page.locator('[data-testid="network-map"][data-settled="true"]').waitFor({ timeout: 180_000 });
      settledAfter.push((performance.now() - start) / 1000);
    }
    await page
      .screenshot({ path: join(repoRoot, 'bench', 'results', 'map-scale.png') })
      .catch(() => undefined);
    await context.close();
    const summary = {
      date: new Date().toISOString(),
      actors: imported.actors,
      ties: imported.ties,
      importSeconds,
      metricsColdSeconds: metricsCold.seconds,
      metricsCachedSeconds: metricsCached,
      metricsBytes: metricsCold.bytes,
      graphRecordsBytes: records.bytes,
      graphRecordsSeconds: records.seconds,
      graphColumnsBytes: columns.bytes,
      graphColumnsSeconds: columns.seconds,
      graphColumnsCachedSeconds: columnsCached.seconds,
      firstPictureSeconds: firstPicture,
      layoutSettledSeconds: settledAfter,
      consoleErrors: errors,
      loadAverage: { start: loadStart, end: loadavg()[0] },
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(`
| measure | value |
| --- | ---: |
| metrics call, cold (s) | ${metricsCold.seconds.toFixed(2)} |
| metrics call, cached (s, median of ${runs}) | ${median(metricsCached).toFixed(3)} (${range(metricsCached)}) |
| graph route, records (bytes) | ${records.bytes.toLocaleString('en')} |
| graph-columns route (bytes) | ${columns.bytes.toLocaleString('en')} |
| graph-columns, cached measures (s) | ${columnsCached.seconds.toFixed(2)} |
| first picture in Chromium (s, median of ${runs}) | ${median(firstPicture).toFixed(2)} (${range(firstPicture)}) |
| layout settled (s, median of ${runs}) | ${median(settledAfter).toFixed(2)} (${range(settledAfter)}) |
| load average (1 min) start / end | ${loadStart.toFixed(1)} / ${loadavg()[0].toFixed(1)} |`);
  } finally {
    await browser.close();
    await app.close();
    await store.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
