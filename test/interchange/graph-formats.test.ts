import { describe, expect, it } from 'vitest';
import { formatGexf } from '../../src/interchange/gexf.js';
import { formatGraphml } from '../../src/interchange/graphml.js';
import type { ActorMapExport } from '../../src/interchange/graphml-actor-map.js';

const map: ActorMapExport = {
  title: 'DEMO — fictional: <Arvandia> & co',
  nodeAttributes: [
    { name: 'Community', type: 'string' },
    { name: 'role', type: 'string' },
    { name: 'track', type: 'string' },
  ],
  edgeAttributes: [{ name: 'kind', type: 'string' }],
  nodes: [
    { id: 'A-7K3F9Q', label: 'A-7K3F9Q', attributes: { Community: 'Keshani', role: 'elder', track: '3' } },
    {
      id: 'A-22222B',
      label: 'O’Neil "the <bridge>"',
      attributes: { Community: null, role: 'scholar', track: '1.5' },
    },
  ],
  edges: [
    {
      id: 'e1',
      source: 'A-7K3F9Q',
      target: 'A-22222B',
      directed: true,
      weight: 4,
      attributes: { kind: 'influences' },
    },
    {
      id: 'e2',
      source: 'A-22222B',
      target: 'A-7K3F9Q',
      directed: false,
      weight: 1,
      attributes: { kind: 'met' },
    },
  ],
};

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('graph exports', () => {
  it('writes GraphML with typed keys, every node and edge, and escaped text', () => {
    const xml = formatGraphml(map);
    expect(xml).toContain('<key id="n0" for="node" attr.name="Community" attr.type="string"/>');
    expect(count(xml, /<node id=/g)).toBe(2);
    expect(count(xml, /<edge id=/g)).toBe(2);
    expect(xml).toContain('<edge id="e1" source="A-7K3F9Q" target="A-22222B" directed="true">');
    expect(xml).toContain('<data key="n0">Keshani</data>');
    expect(xml).toContain('O’Neil &quot;the &lt;bridge&gt;&quot;');
    expect(xml).not.toMatch(/<bridge>/);
    // A missing value is left out, not written as "null".
    expect(xml).not.toContain('>null<');
  });

  it('writes GEXF 1.3 with attributes, edge types and weights', () => {
    const xml = formatGexf(map);
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('<attribute id="2" title="track" type="string"/>');
    expect(xml).toContain('type="directed" weight="4"');
    expect(xml).toContain('type="undirected" weight="1"');
    expect(xml).toContain('<attvalue for="1" value="scholar"/>');
    expect(xml).toContain('&lt;Arvandia&gt; &amp; co');
    expect(count(xml, /<node id=/g)).toBe(2);
  });
});
