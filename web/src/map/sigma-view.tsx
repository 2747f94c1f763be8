import { useEffect, useRef, useState } from 'react';
import { MultiGraph } from 'graphology';
import { Sigma } from 'sigma';
import { edgeStyle, tieColorOf, type MapEdge, type MapHighlight, type MapNode } from './network-data.js';

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
  /** The actor in focus: they and their neighbours stand out, with labels; the rest fades. */
  focus: string | null;
  onFocus: (id: string | null) => void;
  /** Whether the force layout has finished (the positions are final). */
  settled: boolean;
  onFailure: (error: unknown) => void;
}

/** Above this many ties, ties inside a side are thinned out until the map is zoomed in. */
const manyTies = 3000;
/** The camera ratio below which every tie is drawn (1 is the whole map, smaller is closer). */
const closeUp = 0.35;
/** Above this many ties across, only bridges are dashed over the map; the other ties across stay lines. */
const manyCrossing = 600;

interface Overlay {
  ties: { source: string; target: string; bridge: boolean }[];
  brokers: string[];
}

/**
 * Sigma's WebGL edges are solid: bridges (and, on a map of moderate size, the other ties across the
 * groups) are drawn instead on a 2D canvas over the map, dashed (bridges thick, other ties across thin),
 * and brokers get a black ring, so both read without colour. Redrawn after each frame sigma renders.
 */
function drawHighlights(
  renderer: Sigma,
  overlay: HTMLCanvasElement,
  drawn: Overlay,
  focus: Set<string> | null,
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
    return data && !data.hidden
      ? { ...renderer.framedGraphToViewport(data), size: renderer.scaleSize(data.size) }
      : null;
  };
  for (const tie of drawn.ties) {
    if (focus && !(focus.has(tie.source) && focus.has(tie.target))) continue;
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
  for (const broker of drawn.brokers) {
    if (focus && !focus.has(broker)) continue;
    const p = at(broker);
    if (!p) continue;
    // A white halo under a black ring: visible on any node colour, in greyscale too.
    for (const [color, lineWidth, gap] of [
      ['#fff', 4, 4],
      ['#000', 2, 4],
    ] as const) {
      ctx.beginPath();
      ctx.strokeStyle = color;
      ctx.lineWidth = lineWidth;
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
  focus,
  onFocus,
  settled,
  onFailure,
}: SigmaViewProps) {
  const container = useRef<HTMLDivElement>(null);
  /** Applies a new focus to the drawn map (set by the effect that draws it). */
  const refocus = useRef<() => void>(() => {});
  const focusRef = useRef<string | null>(focus);
  const [hovered, setHovered] = useState<string | null>(null);
  const [drawn, setDrawn] = useState({ bridges: 0, crossing: 0, brokers: 0, edges: 0 });
  /**
   * New positions (the force layout's, after the server's first ones) move the nodes of the drawn map
   * in place: one sigma instance, not a second build of the graph and its renderer.
   */
  const positionsRef = useRef(positions);
  const moveTo = useRef<(next: SigmaViewProps['positions']) => void>(() => {});

  useEffect(() => {
    if (!container.current) return;
    const graph = new MultiGraph();
    const placed = positionsRef.current;
    for (const node of nodes) {
      const position = placed[node.id] ?? { x: 0, y: 0 };
      graph.addNode(node.id, {
        x: position.x,
        y: position.y,
        size: sizes.get(node.id) ?? 5,
        color: node.color,
        label: node.label,
      });
    }
    const overlayTies = new Map<string, { source: string; target: string; bridge: boolean }>();
    const crossingCount = highlight?.crossing.size ?? 0;
    const dashCrossing = crossingCount <= manyCrossing;
    for (const edge of edges) {
      if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const style = edgeStyle(highlight, edge);
      const overlaid = style === 'bridge' || (style === 'crossing' && dashCrossing);
      if (overlaid) {
        const key =
          edge.source < edge.target ? `${edge.source}|${edge.target}` : `${edge.target}|${edge.source}`;
        const bridge = style === 'bridge' || overlayTies.get(key)?.bridge === true;
        overlayTies.set(key, { source: edge.source, target: edge.target, bridge });
      }
      const attributes = {
        size: 0.5 + 0.4 * edge.strength,
        color: style === 'crossing' ? '#333333' : tieColorOf(edge.kind),
        // Drawn dashed on the overlay instead.
        hidden: overlaid,
        // Kept when the whole map is shown: ties across, hostile and strong ties.
        keep: style !== null || edge.kind === 'hostile' || edge.strength >= 4,
      };
      if (edge.directed) graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
      else graph.addUndirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
    }
    const overlay: Overlay = {
      ties: [...overlayTies.values()],
      brokers: [...(highlight?.brokers ?? [])].filter((id) => graph.hasNode(id)),
    };
    setDrawn({
      bridges: overlay.ties.filter((tie) => tie.bridge).length,
      crossing: crossingCount,
      brokers: overlay.brokers.length,
      edges: graph.size,
    });
    const canvas = document.createElement('canvas');
    canvas.className = 'map-overlay';
    canvas.setAttribute('aria-hidden', 'true');
    const thin = graph.size > manyTies;
    const neighbourhood = (): Set<string> | null => {
      const id = focusRef.current;
      if (!id || !graph.hasNode(id)) return null;
      return new Set([id, ...graph.neighbors(id)]);
    };
    let near = neighbourhood();
    let view: Sigma | null = null;
    try {
      view = new Sigma(graph, container.current, {
        renderEdgeLabels: false,
        // Labels that do not overlap: sigma's grid keeps the largest actor of each cell, the rest on hover.
        labelDensity: 0.6,
        labelGridCellSize: 120,
        labelRenderedSizeThreshold: 7,
        zIndex: true,
        nodeReducer: (node, data) => {
          if (!near) return data;
          if (node === focusRef.current) return { ...data, forceLabel: true, highlighted: true, zIndex: 2 };
          if (near.has(node)) return { ...data, forceLabel: near.size <= 40, zIndex: 1 };
          return { ...data, color: '#e4e4e4', label: null, zIndex: 0 };
        },
        edgeReducer: (edge, data) => {
          if (near) {
            const [s, t] = graph.extremities(edge);
            return near.has(s) && near.has(t) && (s === focusRef.current || t === focusRef.current)
              ? data
              : { ...data, hidden: true };
          }
          if (thin && !graph.getEdgeAttribute(edge, 'keep') && (view?.getCamera().ratio ?? 1) > closeUp) {
            return { ...data, hidden: true };
          }
          return data;
        },
      });
      container.current.append(canvas);
      const sigma = view;
      sigma.on('afterRender', () => drawHighlights(sigma, canvas, overlay, near));
      drawHighlights(sigma, canvas, overlay, near);
      sigma.on('enterNode', ({ node }) => setHovered(graph.getNodeAttribute(node, 'label') as string));
      sigma.on('leaveNode', () => setHovered(null));
      sigma.on('clickNode', ({ node }) => onFocus(node));
      sigma.on('clickStage', () => onFocus(null));
      // Level of detail: crossing the close-up ratio shows or thins the ties inside the sides.
      let wasClose = sigma.getCamera().ratio <= closeUp;
      sigma.getCamera().on('updated', (state) => {
        const close = state.ratio <= closeUp;
        if (thin && close !== wasClose) sigma.refresh();
        wasClose = close;
      });
      moveTo.current = (next) => {
        graph.updateEachNodeAttributes((node, attributes) => {
          const position = next[node];
          return position ? { ...attributes, x: position.x, y: position.y } : attributes;
        });
        sigma.refresh();
      };
      refocus.current = () => {
        near = neighbourhood();
        sigma.refresh();
        const id = focusRef.current;
        const display = id ? sigma.getNodeDisplayData(id) : undefined;
        if (display)
          void sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.45 }, { duration: 400 });
      };
      // Drawn anew (new positions, a side hidden) with an actor in focus: the camera stays on them.
      const kept = focusRef.current ? sigma.getNodeDisplayData(focusRef.current) : undefined;
      if (kept) sigma.getCamera().setState({ x: kept.x, y: kept.y, ratio: 0.45 });
    } catch (error) {
      onFailure(error);
    }
    return () => {
      view?.kill();
      refocus.current = () => {};
      moveTo.current = () => {};
      canvas.remove();
    };
  }, [nodes, edges, sizes, highlight, onFocus, onFailure]);

  useEffect(() => {
    if (positionsRef.current === positions) return;
    positionsRef.current = positions;
    moveTo.current(positions);
  }, [positions]);

  useEffect(() => {
    focusRef.current = focus;
    refocus.current();
  }, [focus]);

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
      data-edges={drawn.edges}
      data-focus={focus ?? ''}
      data-settled={settled}
    >
      {hovered && (
        <p className="map-hover" aria-live="polite">
          {hovered}
        </p>
      )}
    </div>
  );
}
