import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../../src/cli/io.js';
import { readNetworkFiles } from '../../src/cli/commands/network.js';
import { analyzeNetwork } from '../../src/network/analyze.js';
import { buildNetwork } from '../../src/network/network.js';
import { expectReport, type ReportLike } from './compare.js';

// The three classic networks of test/fixtures/network (see its README), with values computed by NetworkX 2.8.8 and R sna.
const dataDir = new URL('../fixtures/network/', import.meta.url).pathname;
const names = ['kite', 'florentine', 'karate'];

function files(name: string) {
  return { edges: `${dataDir}${name}/edges.csv`, nodes: `${dataDir}${name}/nodes.csv` };
}

describe.each(names)('reference network %s', (name) => {
  const expected = JSON.parse(readFileSync(`${dataDir}${name}/expected.json`, 'utf8')) as ReportLike;

  it('the core reproduces every expected value to 1e-9', () => {
    const report = analyzeNetwork(buildNetwork(readNetworkFiles(files(name))));
    expectReport(report as unknown as ReportLike, expected);
    expect(report.nodes.map((n) => n.id)).toEqual(expected.nodes.map((n) => n.id));
  });

  it('the CLI prints the expected layout and values', async () => {
    const io = captureIo();
    const { edges, nodes } = files(name);
    const code = await main(
      ['node', 'tracktwo', 'network', 'analyze', '--edges', edges, '--nodes', nodes],
      io,
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expectReport(JSON.parse(io.stdout) as ReportLike, expected);
  });
});

describe('network analyze on the CLI', () => {
  it('computes only the measures asked for', async () => {
    const io = captureIo();
    const { edges } = files('kite');
    const code = await main(
      ['node', 'tracktwo', 'network', 'analyze', '--edges', edges, '--metrics', 'betweenness,pagerank'],
      io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout) as { graph: object; nodes: object[] };
    expect(Object.keys(report.nodes[0]).sort()).toEqual(['betweenness', 'id', 'pagerank']);
    expect(report.graph).not.toHaveProperty('density');
  });

  it('rejects an unknown measure with a coded error', async () => {
    const io = captureIo();
    const code = await main(
      ['node', 'tracktwo', 'network', 'analyze', '--edges', files('kite').edges, '--metrics', 'betweeness'],
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr).toContain('TT_ERR_NETWORK_UNKNOWN_METRIC');
  });

  it('runs betweenness on two worker threads with the same result', async () => {
    const io = captureIo();
    const { edges, nodes } = files('karate');
    const args = ['node', 'tracktwo', 'network', 'analyze', '--edges', edges, '--nodes', nodes];
    const code = await main([...args, '--workers', '2', '--metrics', 'betweenness'], io);
    expect(code).toBe(0);
    const expected = JSON.parse(readFileSync(`${dataDir}karate/expected.json`, 'utf8')) as ReportLike;
    const report = JSON.parse(io.stdout) as ReportLike;
    const byId = new Map(report.nodes.map((n) => [n.id, n as unknown as { betweenness: number }]));
    for (const node of expected.nodes as unknown as { id: string; betweenness: number }[]) {
      expect(Math.abs(byId.get(node.id)!.betweenness - node.betweenness)).toBeLessThan(1e-9);
    }
  });

  it('prints a table', async () => {
    const io = captureIo();
    const { edges, nodes } = files('karate');
    const code = await main(
      ['node', 'tracktwo', 'network', 'analyze', '--edges', edges, '--nodes', nodes, '--format', 'table'],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^modularity: 0\.358235$/m);
    expect(io.stdout).toMatch(/^id\s+degree\s+betweenness/m);
  });
});
