/**
 * A first layout that shows a large map's structure before any force layout has run: each side of the
 * divide gets its own region around a circle (actors with no side in the middle), and within a side each
 * community its own disc, largest nearest the side's centre. Actors sit on a sunflower spiral in their
 * disc, most central first (so the hubs are in the middle of their community). Deterministic: the same
 * map gives the same picture. Positions are in arbitrary units around (0, 0).
 */
export interface SeedLayoutInput {
  /** Side of each actor (an index into the divide's groups), or -1 without one. */
  sides: ArrayLike<number>;
  /** Community of each actor (0-based), or -1 when not computed. */
  communities: ArrayLike<number>;
  /** Order within a disc: higher first (e.g. degree). */
  weights: ArrayLike<number>;
}

const goldenAngle = Math.PI * (3 - Math.sqrt(5));
/** Spacing of actors on a spiral, in layout units. */
const spacing = 1;

function spiral(index: number, scale: number): { x: number; y: number } {
  const r = scale * Math.sqrt(index + 0.5);
  const a = index * goldenAngle;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

export function seedLayout(input: SeedLayoutInput): { x: Float64Array; y: Float64Array } {
  const n = input.sides.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  // Actors by side, then by community within it.
  const sides = new Map<number, Map<number, number[]>>();
  for (let v = 0; v < n; v++) {
    const side = input.sides[v] < 0 ? -1 : input.sides[v];
    const community = input.communities[v] ?? -1;
    let bySide = sides.get(side);
    if (!bySide) sides.set(side, (bySide = new Map()));
    let members = bySide.get(community);
    if (!members) bySide.set(community, (members = []));
    members.push(v);
  }
  const sideKeys = [...sides.keys()].sort((a, b) => a - b);
  const placed = sideKeys.filter((side) => side >= 0);
  const sideSize = (side: number) => [...sides.get(side)!.values()].reduce((sum, m) => sum + m.length, 0);
  // A side's footprint grows with the square root of its actors; the ring holds every side apart.
  const largest = Math.max(1, ...sideKeys.map(sideSize));
  const ring = placed.length > 1 ? 2.4 * spacing * Math.sqrt(largest) * (1 + placed.length / 6) : 0;
  for (const side of sideKeys) {
    const index = placed.indexOf(side);
    const centre =
      side < 0 || placed.length <= 1
        ? { x: 0, y: 0 }
        : {
            x: ring * Math.cos((2 * Math.PI * index) / placed.length),
            y: ring * Math.sin((2 * Math.PI * index) / placed.length),
          };
    const discs = [...sides.get(side)!.values()].sort((a, b) => b.length - a.length);
    // Discs on a spiral of their own, spaced by the largest disc's radius.
    const discScale = 1.15 * spacing * Math.sqrt(discs[0]?.length ?? 1);
    discs.forEach((members, d) => {
      const at = d === 0 ? { x: 0, y: 0 } : spiral(d, discScale * 1.6);
      members.sort((a, b) => input.weights[b] - input.weights[a] || a - b);
      members.forEach((v, i) => {
        const p = spiral(i, spacing);
        x[v] = centre.x + at.x + p.x;
        y[v] = centre.y + at.y + p.y;
      });
    });
  }
  return { x, y };
}
