import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../src/network/analyze.js';
import { betweennessOnWorkers } from '../../src/network/betweenness-pool-worker.js';
import { buildNetwork } from '../../src/network/network.js';
import { partitionAgreement } from '../../src/network/partition-agreement.js';
import type { ActorRow, TieRow } from '../../src/network/network-input.js';
import { expectReport, type ReportLike } from './compare.js';

/**
 * Fixtures written by test/network/generate_fixtures.py (NetworkX 2.8.8, python-igraph 0.10, R sna 2.7):
 * a 20x20 grid, a weighted network, a directed one and a disconnected one with isolates.
 */
interface GeneratedFixture {
  name: string;
  directed: boolean;
  actors: ActorRow[];
  ties: TieRow[];
  expected: ReportLike;
  partitionAgreement: { declared: number[]; found: number[]; ari: number; nmi: number };
  igraphLouvainModularity: number;
}

const dir = new URL('../fixtures/network-generated/', import.meta.url).pathname;
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as GeneratedFixture);

describe.each(fixtures.map((f) => [f.name, f] as const))('generated network %s', (_name, fixture) => {
  const network = buildNetwork({ nodes: fixture.actors, ties: fixture.ties, directed: fixture.directed });

  it('matches NetworkX / igraph / R sna on every value to 1e-9', () => {
    expectReport(analyzeNetwork(network) as unknown as ReportLike, fixture.expected);
  });

  it('gives the same betweenness on two worker threads', async () => {
    const parallel = await betweennessOnWorkers(network, { workers: 2 });
    const byId = new Map(
      fixture.expected.nodes.map((n) => [n.id, (n as unknown as { betweenness: number }).betweenness]),
    );
    network.ids.forEach((id, v) => expect(Math.abs(parallel[v] - byId.get(id)!)).toBeLessThan(1e-9));
  });

  it('scores partition agreement as igraph does (ARI, NMI)', () => {
    const { declared, found, ari, nmi } = fixture.partitionAgreement;
    const agreement = partitionAgreement(declared, found);
    expect(agreement.ari).toBeCloseTo(ari, 12);
    expect(agreement.nmi).toBeCloseTo(nmi, 12);
  });

  it('finds Louvain communities about as good as igraph multilevel, reproducibly', () => {
    const first = analyzeNetwork(network, { metrics: ['communities', 'community'], communitySeed: 7 });
    const again = analyzeNetwork(network, { metrics: ['communities', 'community'], communitySeed: 7 });
    expect(again.nodes.map((n) => n.community)).toEqual(first.nodes.map((n) => n.community));
    // Directed networks are scored with directed modularity; igraph's figure is undirected.
    if (!fixture.directed) {
      expect(first.graph.communities!.modularity).toBeGreaterThan(fixture.igraphLouvainModularity - 0.02);
    }
  });
});

it('the generated fixtures are all there', () => {
  expect(fixtures.map((f) => f.name).sort()).toEqual([
    'directed-30',
    'disconnected',
    'grid-20x20',
    'weighted-40',
  ]);
});
