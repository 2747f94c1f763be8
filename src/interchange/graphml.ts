import { xmlEscape, type ActorMapExport, type AttributeType } from './graphml-actor-map.js';

const graphmlTypes: Record<AttributeType, string> = {
  string: 'string',
  int: 'int',
  double: 'double',
  boolean: 'boolean',
};

/** GraphML (http://graphml.graphdrawing.org/) of an actor map; edges carry their own direction. */
export function formatGraphml(map: ActorMapExport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
  ];
  map.nodeAttributes.forEach((spec, i) =>
    lines.push(
      `  <key id="n${i}" for="node" attr.name="${xmlEscape(spec.name)}" attr.type="${graphmlTypes[spec.type]}"/>`,
    ),
  );
  lines.push('  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
  map.edgeAttributes.forEach((spec, i) =>
    lines.push(
      `  <key id="e${i}" for="edge" attr.name="${xmlEscape(spec.name)}" attr.type="${graphmlTypes[spec.type]}"/>`,
    ),
  );
  lines.push(`  <graph id="${xmlEscape(map.title)}" edgedefault="undirected">`);
  for (const node of map.nodes) {
    lines.push(`    <node id="${xmlEscape(node.id)}">`);
    lines.push(`      <data key="n_label">${xmlEscape(node.label)}</data>`);
    map.nodeAttributes.forEach((spec, i) => {
      const value = node.attributes[spec.name];
      if (value !== null && value !== undefined)
        lines.push(`      <data key="n${i}">${xmlEscape(String(value))}</data>`);
    });
    lines.push('    </node>');
  }
  for (const edge of map.edges) {
    const directed = edge.directed ? ' directed="true"' : '';
    lines.push(
      `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}"${directed}>`,
    );
    lines.push(`      <data key="e_weight">${edge.weight}</data>`);
    map.edgeAttributes.forEach((spec, i) => {
      const value = edge.attributes[spec.name];
      if (value !== null && value !== undefined)
        lines.push(`      <data key="e${i}">${xmlEscape(String(value))}</data>`);
    });
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}
