import { useEffect, useRef, useState } from 'react';
import { MultiGraph } from 'graphology';
import { Sigma } from 'sigma';
import type { MapEdge, MapNode } from './network-data.js';

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
  onFailure: (error: unknown) => void;
}

export default function SigmaView({ nodes, edges, positions, sizes, label, onFailure }: SigmaViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<string | null>(null);

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
    for (const edge of edges) {
      if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const attributes = {
        size: 0.5 + 0.4 * edge.strength,
        color: edge.kind === 'hostile' ? '#c0392b' : '#9a9a9a',
      };
      if (edge.directed) graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
      else graph.addUndirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
    }
    let renderer: Sigma | null = null;
    try {
      renderer = new Sigma(graph, container.current, {
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 10,
      });
      renderer.on('enterNode', ({ node }) => setHovered(graph.getNodeAttribute(node, 'label') as string));
      renderer.on('leaveNode', () => setHovered(null));
    } catch (error) {
      onFailure(error);
    }
    return () => renderer?.kill();
  }, [nodes, edges, positions, sizes, onFailure]);

  return (
    <div className="map-canvas" ref={container} role="img" aria-label={label} data-testid="network-map">
      {hovered && (
        <p className="map-hover" aria-live="polite">
          {hovered}
        </p>
      )}
    </div>
  );
}
