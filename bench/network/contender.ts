// One contender of the betweenness benchmark, run in its own process so its peak memory is its own.
// Usage: tsx bench/network/contender.ts <edge-list.json> <tracktwo|graphology> [workers] <out.json>
// graphology-metrics runs on unweighted files only.
import { readFileSync, writeFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { betweennessOnWorkers } from '../../src/network/betweenness-pool-worker.js';
import { betweenness } from '../../src/network/betweenness.js';
import { benchNetwork } from './random-graph.js';

// The package is CommonJS; under NodeNext its default export arrives wrapped.
const betweennessCentrality = ((betweennessModule as unknown as { default?: unknown }).default ??
  betweennessModule) as unknown as (
  graph: UndirectedGraph,
  options: { normalized: boolean },
) => Record<string, number>;

const [file, contender, workerArg, outFile] = process.argv.slice(2);
const { n, ties, strengths } = JSON.parse(readFileSync(file, 'utf8')) as {
  n: number;
  ties: [number, number][];
  /** Present for the weighted runs: one strength per tie, paths use 1 / strength. */
  strengths?: number[];
};
const workers = Number(workerArg ?? 1);
let seconds: number;
let cpuSeconds: number;
let values: number[];
if (contender === 'tracktwo') {
  const network = benchNetwork(n, ties, strengths);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = workers > 1 ? await betweennessOnWorkers(network, { workers }) : betweenness(network);
  seconds = (performance.now() - start) / 1000;
  cpuSeconds = process.cpuUsage(cpuStart).user / 1e6;
  values = Array.from(result);
} else {
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (const [a, b] of ties) graph.addEdge(String(a), String(b));
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = betweennessCentrality(graph, { normalized: true });
  seconds = (performance.now() - start) / 1000;
  cpuSeconds = process.cpuUsage(cpuStart).user / 1e6;
  values = Array.from({ length: n }, (_, i) => result[String(i)]);
}
const maxRssMb = process.resourceUsage().maxRSS / 1024;
writeFileSync(outFile, JSON.stringify({ seconds, cpuSeconds, maxRssMb, values }));
