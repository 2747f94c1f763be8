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
  /** Both ends on sides of the divide, and not the same side. */
  across?: boolean;
}
export type SizeMetric = 'degree' | 'strength' | 'betweenness' | 'uniform';

/**
 * Node sizes from 4 to 16 px, by the chosen measure relative to the largest: ties or strengths counted on
 * the ties shown, or a measure given per actor (betweenness from the server).
 */
export function nodeSizes(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  metric: SizeMetric,
  measure?: ReadonlyMap<string, number>,
): Map<string, number> {
  const score = new Map(
    nodes.map((node) => [node.id, metric === 'betweenness' ? (measure?.get(node.id) ?? 0) : 0]),
  );
  for (const edge of metric === 'betweenness' ? [] : edges) {
    const add = metric === 'strength' ? edge.strength : 1;
    score.set(edge.source, (score.get(edge.source) ?? 0) + add);
    score.set(edge.target, (score.get(edge.target) ?? 0) + add);
  }
  let max = metric === 'betweenness' ? 0 : 1;
  for (const value of score.values()) max = Math.max(max, value);
  if (max === 0) max = 1;
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

/** One entry of the map's legend, as the screen lists it and the exports draw it. */
export type LegendEntry =
  | { shape: 'swatch'; color: string; label: string }
  | { shape: 'line'; color: string; width: number; dash: string | null; label: string }
  | { shape: 'ring'; label: string };

export interface SvgOptions {
  /** Labels drawn beside their actors (the most central, and the actor in focus). */
  labels?: ReadonlyMap<string, string>;
  legend?: readonly LegendEntry[];
  title?: string;
}

/** The tie colours: hostile ties red, every other kind grey. */
export const hostileColor = '#c0392b';
export const tieColor = '#9a9a9a';
export function tieColorOf(kind: string): string {
  return kind === 'hostile' ? hostileColor : tieColor;
}

/** The labels worth drawing: the `count` largest actors (by the size shown), plus any always wanted. */
export function centralLabels(
  nodes: readonly MapNode[],
  sizes: ReadonlyMap<string, number>,
  count: number,
  always: readonly string[] = [],
): Map<string, string> {
  const ranked = [...nodes].sort(
    (a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1),
  );
  const chosen = new Map(ranked.slice(0, count).map((node) => [node.id, node.label]));
  for (const id of always) {
    const node = nodes.find((entry) => entry.id === id);
    if (node) chosen.set(id, node.label);
  }
  return chosen;
}

export function toSvg(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  positions: Record<string, { x: number; y: number }>,
  sizes: Map<string, number>,
  highlight?: MapHighlight | null,
  options: SvgOptions = {},
): string {
  const points = nodes.map((node) => positions[node.id]).filter((p) => p !== undefined);
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (!points.length) [minX, maxX, minY, maxY] = [0, 1, 0, 1];
  const side = 1000;
  const legend = options.legend ?? [];
  const legendWidth = legend.length ? 320 : 0;
  const width = side + legendWidth;
  const height = Math.max(side, 60 + 28 * legend.length);
  const scale = Math.min(
    (side - 80) / Math.max(1e-9, maxX - minX),
    (side - 80) / Math.max(1e-9, maxY - minY),
  );
  const at = (id: string) => {
    const p = positions[id] ?? { x: 0, y: 0 };
    return { x: 40 + (p.x - minX) * scale, y: 40 + (maxY - p.y) * scale };
  };
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif">`,
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
          : `stroke="${tieColorOf(edge.kind)}" stroke-width="${(0.4 * edge.strength).toFixed(1)}"`;
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
  for (const [id, label] of options.labels ?? []) {
    const p = at(id);
    const dx = ((sizes.get(id) ?? 5) / 2 + 3).toFixed(1);
    // A white halo under the text keeps it readable over ties.
    parts.push(
      `<text x="${(p.x + Number(dx)).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-size="12" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke" class="map-label">${escapeXml(label)}</text>`,
    );
  }
  if (legend.length) {
    const x0 = side + 10;
    parts.push(
      `<g class="map-legend"><rect x="${side}" y="0" width="${legendWidth}" height="${height}" fill="#f7f7f7"/>`,
    );
    if (options.title)
      parts.push(
        `<text x="${x0}" y="28" font-size="16" font-weight="bold">${escapeXml(options.title)}</text>`,
      );
    legend.forEach((entry, i) => {
      const y = 56 + 28 * i;
      if (entry.shape === 'swatch') {
        parts.push(
          `<circle cx="${x0 + 10}" cy="${y - 4}" r="7" fill="${entry.color}" stroke="#222" stroke-width="1"/>`,
        );
      } else if (entry.shape === 'line') {
        parts.push(
          `<line x1="${x0}" y1="${y - 4}" x2="${x0 + 24}" y2="${y - 4}" stroke="${entry.color}" stroke-width="${entry.width}"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`,
        );
      } else {
        parts.push(
          `<circle cx="${x0 + 10}" cy="${y - 4}" r="7" fill="none" stroke="#000" stroke-width="2"/>`,
        );
      }
      parts.push(`<text x="${x0 + 34}" y="${y}" font-size="13" fill="#111">${escapeXml(entry.label)}</text>`);
    });
    parts.push('</g>');
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
/**
 * Actors with no group in the divide: charcoal, far from any side's colour and from the mid grey a side
 * such as "Unaffiliated" may carry, in greyscale too.
 */
export const noGroupColor = '#3b3b3b';
