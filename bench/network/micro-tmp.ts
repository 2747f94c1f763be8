import { randomGraph } from '/work/main/bench/network/random-graph.js';
import { buildNetwork } from '/work/main/src/network/network.js';
import { kernelGraph } from '/work/main/src/network/betweenness.js';
import { accumulateDependencies } from '/work/main/src/network/brandes-kernel.js';
const n = 10000,
  ties = randomGraph(n, 50000, 7);
const net = buildNetwork({
  directed: false,
  nodes: Array.from({ length: n }, (_, i) => ({ id: String(i) })),
  ties: ties.map(([a, b]) => ({ source: String(a), target: String(b) })),
});
const g = kernelGraph(net);
const raw = new Float64Array(n);
const k = Number(process.argv[2] ?? 1000);
const src = Int32Array.from({ length: k }, (_, i) => i);
accumulateDependencies(g, src.subarray(0, 100), raw);
const c0 = process.cpuUsage();
const t = performance.now();
accumulateDependencies(g, src, raw);
const s = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(c0).user / 1e6;
console.log(
  `cpu ${cpu.toFixed(2)}s; ${k} sources: ${s.toFixed(2)}s → full ${((s * n) / k).toFixed(1)}s; checksum ${raw.reduce((a, b) => a + b, 0)}`,
);
