import { useEffect, useRef, useState } from 'react';
import { MultiGraph } from 'graphology';
import { Sigma } from 'sigma';
import { edgeStyle, type MapEdge, type MapHighlight, type MapNode } from './network-data.js';

/**
 * The WebGL drawing of the map. This module (sigma + graphology) is loaded only by the map screen,
 * so nobody else downloads it.
 */
export interface SigmaViewProps {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  positions: Record<string, { x: number; y: number }>;
  sizes: Map<string, number>;
  label: string;
  /** Bridges and brokers to draw over the map (dashed ties, ringed actors). */
  highlight?: MapHighlight | null;
  onFailure: (error: unknown) => void;
}

/**
 * Sigma's WebGL edges are solid: ties across the groups are drawn instead on a 2D canvas over the map,
 * dashed (bridges thick, other ties across thin), and brokers get a black ring, so both read without
 * colour. Redrawn after each frame sigma renders (pan, zoom, resize).
 */
function drawHighlights(
  renderer: Sigma,
  overlay: HTMLCanvasElement,
  highlighted: readonly { source: string; target: string; bridge: boolean }[],
  brokers: readonly string[],
): void {
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  if (overlay.width !== Math.round(width * ratio) || overlay.height !== Math.round(height * ratio)) {
    overlay.width = Math.round(width * ratio);
    overlay.height = Math.round(height * ratio);
    overlay.style.width = `${width}px`;
    overlay.style.height = `${height}px`;
  }
  const ctx = overlay.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const at = (node: string) => {
    const data = renderer.getNodeDisplayData(node);
    return data ? { ...renderer.framedGraphToViewport(data), size: renderer.scaleSize(data.size) } : null;
  };
  for (const tie of highlighted) {
    const a = at(tie.source);
    const b = at(tie.target);
    if (!a || !b) continue;
    ctx.beginPath();
    ctx.strokeStyle = tie.bridge ? '#000' : '#333';
    ctx.lineWidth = tie.bridge ? 3 : 1.25;
    ctx.setLineDash(tie.bridge ? [8, 5] : [4, 3]);
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const broker of brokers) {
    const p = at(broker);
    if (!p) continue;
    // A white halo under a black ring: visible on any node colour, in greyscale too.
    for (const [color, width, gap] of [
      ['#fff', 4, 4],
      ['#000', 2, 4],
    ] as const) {
      ctx.beginPath();
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.arc(p.x, p.y, p.size + gap, 0, Math.PI * 2);
      ctx.stroke();
    }
  }
}

export default function SigmaView({
  nodes,
  edges,
  positions,
  sizes,
  label,
  highlight,
  onFailure,
}: SigmaViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [drawn, setDrawn] = useState({ bridges: 0, crossing: 0, brokers: 0 });

  useEffect(() => {
    if (!container.current) return;
    const graph = new MultiGraph();
    for (const node of nodes) {
      const position = positions[node.id] ?? { x: 0, y: 0 };
      graph.addNode(node.id, {
        x: position.x,
        y: position.y,
        size: sizes.get(node.id) ?? 5,
        color: node.color,
        label: node.label,
      });
    }
    const highlighted = new Map<string, { source: string; target: string; bridge: boolean }>();
    for (const edge of edges) {
      if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const style = edgeStyle(highlight, edge);
      if (style) {
        const key =
          edge.source < edge.target ? `${edge.source}|${edge.target}` : `${edge.target}|${edge.source}`;
        const bridge = style === 'bridge' || highlighted.get(key)?.bridge === true;
        highlighted.set(key, { source: edge.source, target: edge.target, bridge });
      }
      const attributes = {
        size: 0.5 + 0.4 * edge.strength,
        color: edge.kind === 'hostile' ? '#c0392b' : '#9a9a9a',
        // Drawn dashed on the overlay instead.
        hidden: style !== null,
      };
      if (edge.directed) graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
      else graph.addUndirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
    }
    const brokers = [...(highlight?.brokers ?? [])].filter((id) => graph.hasNode(id));
    const ties = [...highlighted.values()];
    setDrawn({
      bridges: ties.filter((tie) => tie.bridge).length,
      crossing: ties.filter((tie) => !tie.bridge).length,
      brokers: brokers.length,
    });
    const overlay = document.createElement('canvas');
    overlay.className = 'map-overlay';
    overlay.setAttribute('aria-hidden', 'true');
    let renderer: Sigma | null = null;
    try {
      renderer = new Sigma(graph, container.current, {
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 10,
      });
      container.current.append(overlay);
      const view = renderer;
      view.on('afterRender', () => drawHighlights(view, overlay, ties, brokers));
      drawHighlights(view, overlay, ties, brokers);
      renderer.on('enterNode', ({ node }) => setHovered(graph.getNodeAttribute(node, 'label') as string));
      renderer.on('leaveNode', () => setHovered(null));
    } catch (error) {
      onFailure(error);
    }
    return () => {
      renderer?.kill();
      overlay.remove();
    };
  }, [nodes, edges, positions, sizes, highlight, onFailure]);

  return (
    <div
      className="map-canvas"
      ref={container}
      role="img"
      aria-label={label}
      data-testid="network-map"
      data-bridges={drawn.bridges}
      data-crossing={drawn.crossing}
      data-brokers={drawn.brokers}
    >
      {hovered && (
        <p className="map-hover" aria-live="polite">
          {hovered}
        </p>
      )}
    </div>
  );
}
