import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';

// A CommonJS package: its types describe the namespace, the bundler hands over module.exports.
const forceAtlas2 = ((forceAtlas2Module as unknown as { default?: unknown }).default ??
  forceAtlas2Module) as typeof forceAtlas2Module.default;

/**
 * ForceAtlas2 off the main thread, so the map page stays responsive while the actors settle. Starting
 * positions are the server's first layout (sides and communities apart) when given, else a circle in id
 * order, so the same network lays out the same way.
 */
export interface LayoutRequest {
  nodes: string[];
  /** Starting positions, by the position of each node in `nodes`. */
  x?: number[];
  y?: number[];
  edges: [string, string, number][];
  iterations: number;
}
export type LayoutResponse = Record<string, { x: number; y: number }>;

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, edges, iterations, x, y } = event.data;
  const graph = new UndirectedGraph();
  if (x && y) {
    nodes.forEach((id, index) => graph.mergeNode(id, { x: x[index], y: y[index] }));
  } else {
    const sorted = [...nodes].sort();
    sorted.forEach((id, index) => {
      const angle = (2 * Math.PI * index) / Math.max(1, sorted.length);
      graph.addNode(id, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
    });
  }
  for (const [source, target, weight] of edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    if (graph.hasEdge(source, target)) {
      graph.updateEdgeAttribute(source, target, 'weight', (w: number | undefined) => (w ?? 0) + weight);
    } else {
      graph.addEdge(source, target, { weight });
    }
  }
  const positions = forceAtlas2(graph, {
    iterations,
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 },
  });
  (self as unknown as Worker).postMessage(positions satisfies LayoutResponse);
};
