/** The map's plain data: what the screen fetched, before graphology and sigma see it. */
export interface MapNode {
  id: string;
  label: string;
  color: string;
  groupLabel: string;
}
export interface MapEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  strength: number;
  directed: boolean;
}
export type SizeMetric = 'degree' | 'strength' | 'uniform';

/** Node sizes from 4 to 16 px, by the chosen measure relative to the largest. */
export function nodeSizes(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  metric: SizeMetric,
): Map<string, number> {
  const score = new Map(nodes.map((node) => [node.id, 0]));
  for (const edge of edges) {
    const add = metric === 'strength' ? edge.strength : 1;
    score.set(edge.source, (score.get(edge.source) ?? 0) + add);
    score.set(edge.target, (score.get(edge.target) ?? 0) + add);
  }
  const max = Math.max(1, ...score.values());
  return new Map(
    nodes.map((node) => [
      node.id,
      metric === 'uniform' ? 7 : 4 + 12 * Math.sqrt((score.get(node.id) ?? 0) / max),
    ]),
  );
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
}

export function toGraphml(nodes: readonly MapNode[], edges: readonly MapEdge[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="group" for="node" attr.name="group" attr.type="string"/>',
    '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="strength" for="edge" attr.name="strength" attr.type="int"/>',
    '  <graph id="G" edgedefault="undirected">',
  ];
  for (const node of nodes) {
    lines.push(
      `    <node id="${escapeXml(node.id)}"><data key="label">${escapeXml(node.label)}</data><data key="group">${escapeXml(node.groupLabel)}</data></node>`,
    );
  }
  for (const edge of edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" directed="${edge.directed}"><data key="kind">${edge.kind}</data><data key="strength">${edge.strength}</data></edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n');
}

export function toGexf(nodes: readonly MapNode[], edges: readonly MapEdge[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <graph defaultedgetype="undirected">',
    '    <attributes class="node"><attribute id="group" title="group" type="string"/></attributes>',
    '    <attributes class="edge"><attribute id="kind" title="kind" type="string"/></attributes>',
    '    <nodes>',
  ];
  for (const node of nodes) {
    lines.push(
      `      <node id="${escapeXml(node.id)}" label="${escapeXml(node.label)}"><attvalues><attvalue for="group" value="${escapeXml(node.groupLabel)}"/></attvalues></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of edges) {
    lines.push(
      `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" weight="${edge.strength}"${edge.directed ? ' type="directed"' : ''}><attvalues><attvalue for="kind" value="${edge.kind}"/></attvalues></edge>`,
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines.join('\n');
}

/** An SVG drawing of the laid-out map, for print and for reports. */
/**
 * Bridges and brokers across a divide's groups, by actor id: ties across groups (`crossing`), those that
 * are the only link across (`bridges`), and the actors with contacts on both sides (`brokers`).
 */
export interface MapHighlight {
  bridges: Set<string>;
  crossing: Set<string>;
  brokers: Set<string>;
}

/** The key of an unordered pair of actors: a tie between them in either direction. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** How a tie is drawn: bridges thick and dashed, other ties across thin and dashed; greyscale-safe. */
export function edgeStyle(
  highlight: MapHighlight | null | undefined,
  edge: MapEdge,
): 'bridge' | 'crossing' | null {
  if (!highlight) return null;
  const key = pairKey(edge.source, edge.target);
  if (highlight.bridges.has(key)) return 'bridge';
  if (highlight.crossing.has(key)) return 'crossing';
  return null;
}

export function toSvg(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  positions: Record<string, { x: number; y: number }>,
  sizes: Map<string, number>,
  highlight?: MapHighlight | null,
): string {
  const points = Object.values(positions);
  const minX = Math.min(...points.map((p) => p.x));
  const maxX = Math.max(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  const maxY = Math.max(...points.map((p) => p.y));
  const width = 1000;
  const height = 1000;
  const scale = Math.min((width - 40) / Math.max(1, maxX - minX), (height - 40) / Math.max(1, maxY - minY));
  const at = (id: string) => {
    const p = positions[id] ?? { x: 0, y: 0 };
    return { x: 20 + (p.x - minX) * scale, y: 20 + (maxY - p.y) * scale };
  };
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
  ];
  parts.push('<rect width="100%" height="100%" fill="#fff"/>');
  for (const edge of edges) {
    const a = at(edge.source);
    const b = at(edge.target);
    const style = edgeStyle(highlight, edge);
    const stroke =
      style === 'bridge'
        ? 'stroke="#000" stroke-width="3" stroke-dasharray="8 5"'
        : style === 'crossing'
          ? 'stroke="#333" stroke-width="1" stroke-dasharray="4 3"'
          : `stroke="#999" stroke-width="${(0.4 * edge.strength).toFixed(1)}"`;
    parts.push(
      `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" ${stroke}/>`,
    );
  }
  for (const node of nodes) {
    const p = at(node.id);
    if (highlight?.brokers.has(node.id)) {
      parts.push(
        `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${((sizes.get(node.id) ?? 5) / 2 + 4).toFixed(1)}" fill="none" stroke="#000" stroke-width="2"/>`,
      );
    }
    parts.push(
      `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${((sizes.get(node.id) ?? 5) / 2).toFixed(1)}" fill="${node.color}" stroke="#222" stroke-width="0.5"><title>${escapeXml(node.label)}</title></circle>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** Colours that stay apart in greyscale print too (light, mid, dark), for sides without their own. */
export const sideColors = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
];
export const noGroupColor = '#b0b0b0';
