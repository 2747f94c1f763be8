// The Brandes kernel alone, for trying a change quickly: times the first K sources (default 2000) of the
// bench graph after a short warm-up and projects to all of them. Run: npx tsx bench/network/kernel-probe.ts [K]
// With --weighted, ties get seeded strengths 1-5 and paths use 1 / strength (Dijkstra).
// The checksum (sum of raw dependencies over those sources) must not change when the kernel does.
import { accumulateDependencies, createWorkspace } from '../../src/network/brandes-kernel.js';
import { kernelGraph } from '../../src/network/betweenness.js';
import { benchNetwork, randomGraph, randomStrengths } from './random-graph.js';

const weighted = process.argv.includes('--weighted');
const k = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 2000);
const n = 10_000;
const ties = randomGraph(n, 50_000, 7);
const network = benchNetwork(n, ties, weighted ? randomStrengths(ties.length, 7) : undefined);
const graph = kernelGraph(network);
const ws = createWorkspace(graph);
const sources = Int32Array.from({ length: k }, (_, i) => i);
const raw = new Float64Array(n);
accumulateDependencies(graph, sources.subarray(0, 200), new Float64Array(n), ws);
const t = performance.now();
accumulateDependencies(graph, sources, raw, ws);
const s = (performance.now() - t) / 1000;
let sum = 0;
for (const x of raw) sum += x;
console.log(`${k} sources ${s.toFixed(3)} s, projected ${((s * n) / k).toFixed(2)} s, checksum ${sum}`);
