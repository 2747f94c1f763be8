/**
 * Deliberation benchmarks: full recompute on vTaiwan uberX (goal < 100 ms) and on a synthetic
 * 100,000 x 2,000 dialogue with 5 million votes (goal < 5 s, < 2 GB), with peak memory; and the
 * comparison with Pol.is' own groups on the six open conversations.
 * Run: npx tsx bench/deliberation/run.ts [--skip-synthetic]
 */
import { readPolisFolder } from '../../src/cli/commands/dialogue.js';
import { analyzeMatrix } from '../../src/deliberation/analysis.js';
import { median } from '../../src/deliberation/agreement.js';
import { indexDialogue } from '../../src/deliberation/dialogue-data.js';
import { seededPrng } from '../../src/deliberation/prng.js';
import { buildVoteMatrix } from '../../src/deliberation/vote-matrix.js';
import { polisToDialogue } from '../../src/interchange/polis-dialogue.js';
import { comparePolis, conversations } from './polis-comparison.js';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

// The machine is shared: report CPU time (user + system of this process) beside wall time.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function timeIt<T>(run: () => T, repeats: number): { ms: number; cpu: number; result: T } {
  let best = Infinity;
  let bestCpu = Infinity;
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    result = run();
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, cpuMs() - c0);
  }
  return { ms: best, cpu: bestCpu, result };
}

const dir = new URL('../../test/fixtures/polis', import.meta.url).pathname;
const vtaiwan = indexDialogue(polisToDialogue(readPolisFolder(`${dir}/vtaiwan.uberx`)));
analyzeMatrix(vtaiwan); // warm up the JIT
const uberx = timeIt(() => analyzeMatrix(vtaiwan, { seed: 0 }), 5);
console.log(
  `vTaiwan uberX full recompute: ${uberx.ms.toFixed(1)} ms wall, ${uberx.cpu.toFixed(1)} ms CPU (best of 5; ${vtaiwan.participantIds.length} participants, ` +
    `${vtaiwan.statementIds.length} statements, ${vtaiwan.matrix.rowStart[vtaiwan.participantIds.length]} votes, ` +
    `PCA ${uberx.result.pca.iterations} iterations)`,
);

console.log(
  '\nconversation | k (Pol.is) | ARI | top-10 shared | Spearman | reproducible | stability (median of 5)',
);
const rows = conversations.map((name) => {
  const r = comparePolis(readPolisFolder(`${dir}/${name}`), { seed: 0, trials: 5 });
  console.log(
    `${name} | ${r.k} (${r.polisK}) | ${r.ari.toFixed(3)} | ${r.topTenShared} | ${r.spearman.toFixed(3)} | ` +
      `${r.reproducible} | ${median(r.stability).toFixed(3)}`,
  );
  return r;
});
console.log(
  `medians | same k ${rows.filter((r) => r.k === r.polisK).length}/${rows.length} | ` +
    `${median(rows.map((r) => r.ari)).toFixed(3)} | ${median(rows.map((r) => r.topTenShared))} | ` +
    `${median(rows.map((r) => r.spearman)).toFixed(3)} | | ${median(rows.map((r) => median(r.stability))).toFixed(3)}`,
);

if (!process.argv.includes('--skip-synthetic')) {
  // Synthetic dialogue: 100,000 participants in 4 opinion camps, 2,000 statements, 5,000,000 votes.
  const n = 100_000;
  const m = 2_000;
  const votes = 5_000_000;
  const random = seededPrng(42);
  const camp = Int32Array.from({ length: n }, () => Math.floor(random.next() * 4));
  const leaning = Int8Array.from({ length: 4 * m }, () => (random.next() < 0.5 ? 1 : -1));
  const participant = new Int32Array(votes);
  const statement = new Int32Array(votes);
  const value = new Int8Array(votes);
  for (let i = 0; i < votes; i++) {
    const p = Math.floor(random.next() * n);
    const s = Math.floor(random.next() * m);
    const u = random.next();
    participant[i] = p;
    statement[i] = s;
    value[i] = u < 0.65 ? leaning[camp[p] * m + s] : u < 0.8 ? 0 : -leaning[camp[p] * m + s];
  }
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const c0 = cpuMs();
  const matrix = buildVoteMatrix(n, m, participant, statement, value);
  const t1 = performance.now();
  const synthetic = {
    participantIds: Array.from({ length: n }, (_, i) => String(i)),
    statementIds: Array.from({ length: m }, (_, i) => String(i)),
    matrix,
    moderatedOut: new Uint8Array(m),
    isMeta: new Uint8Array(m),
    log: { participant, statement, value, timestamp: new Float64Array(0) },
  };
  const analysis = analyzeMatrix(synthetic, { seed: 0 });
  const t2 = performance.now();
  const c2 = cpuMs();
  // The kernel's high-water mark of this process's resident memory (KB), over the whole run.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `\nsynthetic ${n} x ${m}, ${matrix.rowStart[n]} distinct votes: build matrix ${(t1 - t0).toFixed(0)} ms, ` +
      `full recompute ${(t2 - t1).toFixed(0)} ms (total ${(t2 - t0).toFixed(0)} ms wall, ${(c2 - c0).toFixed(0)} ms CPU), k = ${analysis.groups.groupCount}, ` +
      `PCA ${analysis.pca.iterations} iterations, peak RSS ${mb(peakRss)} (before: ${mb(rssBefore)})`,
  );
}
