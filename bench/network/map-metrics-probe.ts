/**
 * The cold metrics call of the map-scale bench without a server or browser: the same seeded Kumu file
 * imported into the demo conflict (in-memory SQLite), then the metrics question timed phase by phase
 * (reading the map, and with `--separate` betweenness then the rest of the report as before the fused kernel,
 * closeness and harmonic closeness each in its own sweep). For `node --cpu-prof`:
 * `npx tsx bench/network/map-metrics-probe.ts` (add `--runs N` for repeated cold runs).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { analyzeNetwork } from '../../src/network/analyze.js';
import { systemAuth } from '../../src/security/auth.js';
import { createVaultKeys } from '../../src/security/vault.js';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { importKumu } from '../../src/services/interchange/import-kumu.js';
import { betweennessOf } from '../../src/services/network/betweenness.js';
import { loadActorMap, networkOf } from '../../src/services/network/map.js';
import { metricsQuerySchema } from '../../src/services/network/options.js';
import { createDatabase, migrateToLatest } from '../../src/store/database.js';
import { getConflict } from '../../src/store/repositories/conflicts.js';
import { kumuFiles } from './map-scale.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 1) || 1;
const store = createDatabase('sqlite::memory:');
await migrateToLatest(store.db);
const keys = createVaultKeys(randomBytes(32));
const demo = await loadDemoWorkspace(store.db, keys);
const conflict = (await getConflict(store.db, demo.conflictId))!;
const files = kumuFiles(
  conflict.divides[0].name,
  conflict.divides[0].groups.map((g) => g.name),
);
const ctx = { db: store.db, dialect: store.dialect, keys, auth: systemAuth('probe') };
await importKumu(ctx, demo.conflictId, files.elements, files.connections);
const query = metricsQuerySchema.parse({});
const time = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  // CPU time of the process (every thread, workers included): what the work costs whatever the load.
  console.log(
    `${label}: ${(performance.now() - start).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`,
  );
  return result;
};
for (let run = 0; run < runs; run++) {
  const map = await time('read map', () => loadActorMap(ctx, demo.conflictId, query));
  const network = await time('build network', () => networkOf(map));
  if (process.argv.includes('--separate')) {
    const between = await time('betweenness (workers)', () => betweennessOf(network, {}));
    await time('rest of the report', () => analyzeNetwork(network, { betweenness: between.values }));
  }
  const { measuresOf } = await import('../../src/services/network/analysis.js');
  await time('the metrics question, cold (fused paths on workers, the rest meanwhile)', () =>
    measuresOf({ ...map, version: `probe-${run}-${Math.random()}` }, {}),
  );
}
console.log(`load average ${loadavg()[0].toFixed(1)}`);
await store.close();
