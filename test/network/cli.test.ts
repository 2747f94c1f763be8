import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'tracktwo-network-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const nodes = file('nodes.csv', 'id,group,track\na1,A,2\na2,A,2\na3,A,\nb1,B,\nb2,B,1\nc1,C,\nc2,C,\n');
const edges = file(
  'edges.csv',
  'source,target,strength,kind,startDate,endDate\n' +
    'a1,a2,1,kin,,\na2,a3,5,trusts,,\na1,a3,5,trusts,,\na3,b1,2,knows,2020-01-01,\nb1,b2,4,works_with,,\nc1,c2,3,knows,,\n',
);

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', 'network', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('network question commands', () => {
  it('brokers: JSON and table', async () => {
    const json = await run('brokers', '--edges', edges, '--nodes', nodes);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).unlinkedPairs).toEqual([
      ['A', 'C'],
      ['B', 'C'],
    ]);
    const table = await run('brokers', '--edges', edges, '--nodes', nodes, '--format', 'table');
    expect(table.stdout).toMatch(/^A \/ B\s+1\s+1\s+a3 \(2\), b1 \(1\)$/m);
    expect(table.stdout).toContain('no tie between: A / C; B / C');
  });

  it('introductions, fragility and track-one-paths', async () => {
    const intro = await run('introductions', '--edges', edges, '--nodes', nodes, '--limit', '1');
    expect(JSON.parse(intro.stdout)[0]).toMatchObject({ first: { id: 'a3' }, second: { id: 'b2' }, gain: 2 });
    const fragile = await run('fragility', '--edges', edges, '--nodes', nodes, '--limit', '2');
    expect(JSON.parse(fragile.stdout).map((l: { id: string }) => l.id)).toEqual(['a3', 'b1']);
    const paths = await run(
      'track-one-paths',
      '--edges',
      edges,
      '--nodes',
      nodes,
      '--steps',
      '3',
      '--format',
      'table',
    );
    expect(paths.code).toBe(0);
    expect(paths.stdout).toMatch(/^a1\s+2\s+1\s+a1 > a3 > b1 > b2\s+2$/m);
  });

  it('filters ties as of a date and by kind', async () => {
    const before = await run('brokers', '--edges', edges, '--nodes', nodes, '--as-of', '2019-01-01');
    expect(JSON.parse(before.stdout).unlinkedPairs).toContainEqual(['A', 'B']);
    const trusted = await run(
      'analyze',
      '--edges',
      edges,
      '--nodes',
      nodes,
      '--kinds',
      'trusts',
      '--metrics',
      'degree',
    );
    expect(JSON.parse(trusted.stdout).graph.edges).toBe(2);
  });

  it('changes between two dates', async () => {
    const change = await run(
      'changes',
      '--edges',
      edges,
      '--nodes',
      nodes,
      '--from',
      '2019-01-01',
      '--to',
      '2021-01-01',
    );
    expect(JSON.parse(change.stdout).newTies).toEqual([{ source: 'a3', target: 'b1', groups: ['A', 'B'] }]);
  });

  it('sampled betweenness states its error bound', async () => {
    const result = await run(
      'analyze',
      '--edges',
      edges,
      '--nodes',
      nodes,
      '--metrics',
      'betweenness',
      '--pivots',
      '3',
    );
    const sample = JSON.parse(result.stdout).graph.betweennessSample;
    expect(sample.pivots).toBe(3);
    expect(sample.errorBound).toBeGreaterThan(0);
  });
});

describe('bad files get coded errors naming row and column', () => {
  it('a tie naming an unknown actor', async () => {
    const bad = file('bad-actor.csv', 'source,target\na1,a2\na1,zz\n');
    const result = await run('analyze', '--edges', bad, '--nodes', nodes);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TT_ERR_CSV_BAD_VALUE');
    expect(result.stderr).toContain('row 3, column "target"');
  });

  it('a strength that is not a positive number', async () => {
    const zero = file('bad-strength.csv', 'source,target,strength\na1,a2,0\n');
    expect((await run('analyze', '--edges', zero)).stderr).toContain('row 2, column "strength"');
    const text = file('bad-strength-2.csv', 'source,target,strength\na1,a2,1\na2,a3,strong\n');
    expect((await run('analyze', '--edges', text)).stderr).toContain('row 3, column "strength"');
  });

  it('a missing column, a duplicate actor, a bad date, a missing file', async () => {
    const noTarget = file('no-target.csv', 'source,to\na1,a2\n');
    expect((await run('analyze', '--edges', noTarget)).stderr).toMatch(
      /TT_ERR_CSV_MISSING_COLUMN.*column "target"/,
    );
    const twice = file('twice.csv', 'id,group\na1,A\na1,B\n');
    const dup = await run('analyze', '--edges', edges, '--nodes', twice);
    expect(dup.stderr).toContain('row 3, column "id"');
    const date = file('bad-date.csv', 'source,target,startDate\na1,a2,03/04/2020\n');
    expect((await run('analyze', '--edges', date)).stderr).toContain('row 2, column "startDate"');
    const option = await run('analyze', '--edges', edges, '--min-confidence', 'high');
    expect(option.stderr).toMatch(/TT_ERR_VALIDATION.*field "--min-confidence"/);
    const missing = await run('analyze', '--edges', join(dir, 'nope.csv'));
    expect(missing.stderr).toContain('TT_ERR_FILE_NOT_FOUND');
  });

  it('questions that need groups or tracks say so', async () => {
    const plain = file('plain-nodes.csv', 'id\na1\na2\na3\nb1\nb2\nc1\nc2\n');
    expect((await run('brokers', '--edges', edges, '--nodes', plain)).stderr).toContain(
      'TT_ERR_NETWORK_NO_GROUPS',
    );
    expect((await run('track-one-paths', '--edges', edges, '--nodes', plain)).stderr).toContain(
      'TT_ERR_VALIDATION',
    );
  });

  it('every network command has a description in --help', async () => {
    const help = await run('--help');
    for (const command of [
      'analyze',
      'brokers',
      'introductions',
      'fragility',
      'track-one-paths',
      'changes',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b.*\\S`, 'm'));
    }
  });
});
