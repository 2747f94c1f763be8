import { xmlEscape, type ActorMapExport, type AttributeType } from './graphml-actor-map.js';

const gexfTypes: Record<AttributeType, string> = {
  string: 'string',
  int: 'integer',
  double: 'double',
  boolean: 'boolean',
};

/** GEXF 1.3 (https://gexf.net/) of an actor map, as Gephi reads it; edges carry their own type. */
export function formatGexf(map: ActorMapExport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>tracktwo</creator>',
    `    <description>${xmlEscape(map.title)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="undirected" mode="static">',
  ];
  const attributes = (klass: 'node' | 'edge', specs: ActorMapExport['nodeAttributes']) => {
    if (specs.length === 0) return;
    lines.push(`    <attributes class="${klass}">`);
    specs.forEach((spec, i) =>
      lines.push(
        `      <attribute id="${i}" title="${xmlEscape(spec.name)}" type="${gexfTypes[spec.type]}"/>`,
      ),
    );
    lines.push('    </attributes>');
  };
  const values = (
    specs: ActorMapExport['nodeAttributes'],
    record: Record<string, unknown>,
    indent: string,
  ) => {
    const present = specs
      .map((spec, i) => ({ i, value: record[spec.name] }))
      .filter((entry) => entry.value !== null && entry.value !== undefined);
    if (present.length === 0) return;
    lines.push(`${indent}<attvalues>`);
    for (const { i, value } of present)
      lines.push(`${indent}  <attvalue for="${i}" value="${xmlEscape(String(value))}"/>`);
    lines.push(`${indent}</attvalues>`);
  };
  attributes('node', map.nodeAttributes);
  attributes('edge', map.edgeAttributes);
  lines.push('    <nodes>');
  for (const node of map.nodes) {
    lines.push(`      <node id="${xmlEscape(node.id)}" label="${xmlEscape(node.label)}">`);
    values(map.nodeAttributes, node.attributes, '        ');
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of map.edges) {
    lines.push(
      `      <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}"` +
        ` type="${edge.directed ? 'directed' : 'undirected'}" weight="${edge.weight}">`,
    );
    values(map.edgeAttributes, edge.attributes, '        ');
    lines.push('      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines.join('\n') + '\n';
}
