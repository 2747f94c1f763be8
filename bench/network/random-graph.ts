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
