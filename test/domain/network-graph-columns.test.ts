import { describe, expect, it } from 'vitest';
import {
  decodeGraphColumns,
  encodeGraphColumns,
  type GraphColumnsNode,
  type GraphColumnsTie,
} from '../../src/domain/network-graph-columns.js';
import { networkGraphColumnsSchema } from '../../src/domain/network-answer.js';
import { seedLayout } from '../../src/network/seed-layout.js';

const node = (id: string, group: string | null, extra: Partial<GraphColumnsNode> = {}): GraphColumnsNode => ({
  id,
  actorId: `id-${id}`,
  name: null,
  group,
  color: null,
  track: '2',
  community: 0,
  degree: 1,
  betweenness: 0,
  pagerank: 0.25,
  x: 1.234567,
  y: -2,
  ...extra,
});
const groups = [
  { name: 'North', color: '#1f77b4' },
  { name: 'South', color: null },
];
const nodes = [
  node('A-1', 'North', { name: 'Amal', track: '1', betweenness: 0.5 }),
  node('A-2', 'South', { community: 1 }),
  node('A-3', null, { track: null, community: -1 }),
];
const ties: GraphColumnsTie[] = [
  { source: 'A-1', target: 'A-2', kind: 'knows', strength: 3, directed: false, across: true },
  { source: 'A-2', target: 'A-3', kind: 'hostile', strength: 1, directed: true, across: false },
  { source: 'A-3', target: 'A-1', kind: 'knows', strength: 5, directed: false, across: false },
];

describe('the columnar map', () => {
  it('round-trips actors, sides, measures and ties, with the tables of sides and kinds', () => {
    const columns = encodeGraphColumns({ version: 'v1', groups, nodes, ties, withNames: true });
    expect(networkGraphColumnsSchema.parse(columns)).toEqual(columns);
    expect(columns.side).toEqual([0, 1, -1]);
    expect(columns.kinds).toEqual(['knows', 'hostile']);
    expect(columns.tie_source).toEqual([0, 1, 2]);
    expect(columns.tie_target).toEqual([1, 2, 0]);
    expect(columns.tie_kind).toEqual([0, 1, 0]);
    expect(columns.x[0]).toBe(1.23);
    const back = decodeGraphColumns(columns);
    expect(back.ties).toEqual(ties);
    expect(back.nodes.map((n) => [n.id, n.actorId, n.name, n.group, n.color, n.track, n.community])).toEqual([
      ['A-1', 'id-A-1', 'Amal', 'North', '#1f77b4', '1', 0],
      ['A-2', 'id-A-2', null, 'South', null, '2', 1],
      ['A-3', 'id-A-3', null, null, null, null, -1],
    ]);
    expect(back.nodes[0].betweenness).toBe(0.5);
  });

  it('carries no names unless asked, and drops ties whose ends are not on the map', () => {
    const stray = [...ties, { ...ties[0], target: 'A-9' }];
    const columns = encodeGraphColumns({ version: 'v1', groups, nodes, ties: stray, withNames: false });
    expect(columns.names).toBeUndefined();
    expect(JSON.stringify(columns)).not.toContain('Amal');
    expect(columns.tie_source).toHaveLength(3);
  });

  it('is far smaller than one object per actor and tie', () => {
    const many = Array.from({ length: 300 }, (_, i) => node(`A-${i}`, i % 2 ? 'North' : 'South'));
    const links = Array.from({ length: 1200 }, (_, e) => ({
      source: `A-${e % 300}`,
      target: `A-${(e * 7 + 1) % 300}`,
      kind: 'knows',
      strength: 2,
      directed: false,
      across: true,
    }));
    const columns = JSON.stringify(
      encodeGraphColumns({ version: 'v', groups, nodes: many, ties: links, withNames: false }),
    );
    const records = JSON.stringify({ nodes: many, ties: links });
    expect(columns.length).toBeLessThan(records.length / 3);
  });
});

describe('the first layout', () => {
  it('puts each side in its own region and is the same every time', () => {
    const sides = [0, 0, 0, 1, 1, 1, -1];
    const input = { sides, communities: [0, 0, 1, 2, 2, 2, 3], weights: [3, 2, 1, 3, 2, 1, 0] };
    const a = seedLayout(input);
    expect(seedLayout(input)).toEqual(a);
    const centre = (side: number) => {
      const members = sides.flatMap((s, v) => (s === side ? [v] : []));
      return {
        x: members.reduce((sum, v) => sum + a.x[v], 0) / members.length,
        y: members.reduce((sum, v) => sum + a.y[v], 0) / members.length,
      };
    };
    const [north, south] = [centre(0), centre(1)];
    expect(Math.hypot(north.x - south.x, north.y - south.y)).toBeGreaterThan(3);
    expect(new Set([...a.x].map((x, v) => `${x.toFixed(3)},${a.y[v].toFixed(3)}`)).size).toBe(7);
  });
});
