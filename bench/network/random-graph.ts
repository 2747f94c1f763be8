import { buildNetwork, type Network } from '../../src/network/network.js';
import { seededRandom } from '../../src/network/prng.js';

/** A seeded G(n, m) random graph: m distinct undirected ties drawn uniformly, no self-ties. */
export function randomGraph(n: number, m: number, seed: number): [number, number][] {
  const random = seededRandom(seed);
  const seen = new Set<number>();
  const ties: [number, number][] = [];
  while (ties.length < m) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) continue;
    seen.add(key);
    ties.push(a < b ? [a, b] : [b, a]);
  }
  return ties;
}

/** Seeded tie strengths 1-5 (the app's scale), one per tie, for the weighted runs. */
export function randomStrengths(m: number, seed: number): number[] {
  const random = seededRandom(seed ^ 0x5eed);
  return Array.from({ length: m }, () => 1 + Math.floor(random() * 5));
}

/** The bench graph as a tracktwo network: actors "0" .. "n-1", undirected, with strengths when given. */
export function benchNetwork(n: number, ties: [number, number][], strengths?: number[]): Network {
  return buildNetwork({
    directed: false,
    nodes: Array.from({ length: n }, (_, i) => ({ id: String(i) })),
    ties: ties.map(([a, b], e) => ({
      source: String(a),
      target: String(b),
      ...(strengths ? { strength: strengths[e] } : {}),
    })),
  });
}
