import { TrackTwoError } from '../domain/errors.js';
import type { ActorRow, NetworkInput, TieRow } from './network-input.js';

/**
 * A network in compressed sparse rows. Actors are numbered 0..n-1 in input order. For an undirected
 * network every tie is stored in both directions, so `out*` and `in*` are the same arrays.
 */
export interface Network {
  directed: boolean;
  /** True when some tie carries a strength other than 1; path measures then use 1 / strength. */
  weighted: boolean;
  ids: string[];
  index: Map<string, number>;
  /** Declared group of each actor, or null. */
  groups: (string | null)[];
  /** Track of each actor as written ("1", "1.5", "2", "3"), or null. */
  tracks: (string | null)[];
  /** The ties after merging duplicates: one per pair (undirected) or per ordered pair (directed). */
  tieSources: Int32Array;
  tieTargets: Int32Array;
  tieStrengths: Float64Array;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outStrengths: Float64Array;
  inOffsets: Int32Array;
  inTargets: Int32Array;
  inStrengths: Float64Array;
  /** Neighbours in either direction, each once (the undirected view of a directed network). */
  allOffsets: Int32Array;
  allTargets: Int32Array;
}

function checkedStrength(tie: TieRow, position: number): number {
  const strength = tie.strength ?? 1;
  if (typeof strength !== 'number' || !Number.isFinite(strength) || strength <= 0) {
    throw new TrackTwoError('TT_ERR_NETWORK_BAD_STRENGTH', {
      field: `ties[${position}].strength`,
      reason: `strength ${String(tie.strength)} of the tie ${tie.source} - ${tie.target}`,
    });
  }
  return strength;
}

function buildRows(
  n: number,
  from: Int32Array,
  to: Int32Array,
  strengths: Float64Array,
): { offsets: Int32Array; targets: Int32Array; strengths: Float64Array } {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) offsets[from[e] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(from.length);
  const rowStrengths = new Float64Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const slot = cursor[from[e]]++;
    targets[slot] = to[e];
    rowStrengths[slot] = strengths[e];
  }
  return { offsets, targets, strengths: rowStrengths };
}

/**
 * Builds the network from rows. Ties between the same pair (the same ordered pair when directed)
 * are merged into one keeping the greatest strength: two relations of different kinds between the
 * same actors are one path, as strong as the strongest. Self-ties are dropped (they carry no reach).
 */
export function buildNetwork(input: NetworkInput): Network {
  const { directed } = input;
  const ids: string[] = [];
  const index = new Map<string, number>();
  const groups: (string | null)[] = [];
  const tracks: (string | null)[] = [];
  input.nodes.forEach((actor: ActorRow, position) => {
    const id = String(actor.id);
    if (index.has(id)) {
      throw new TrackTwoError('TT_ERR_NETWORK_DUPLICATE_ACTOR', {
        field: `nodes[${position}].id`,
        reason: id,
      });
    }
    index.set(id, ids.length);
    ids.push(id);
    groups.push(
      actor.group === undefined || actor.group === null || actor.group === '' ? null : String(actor.group),
    );
    tracks.push(
      actor.track === undefined || actor.track === null || actor.track === '' ? null : String(actor.track),
    );
  });
  const n = ids.length;
  const pairStrength = new Map<number, number>();
  const order: number[] = [];
  input.ties.forEach((tie, position) => {
    const s = index.get(String(tie.source));
    const t = index.get(String(tie.target));
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? 'source' : 'target';
      throw new TrackTwoError('TT_ERR_NETWORK_UNKNOWN_ACTOR', {
        field: `ties[${position}].${missing}`,
        reason: `no actor "${String(tie[missing])}"`,
      });
    }
    const strength = checkedStrength(tie, position);
    if (s === t) return;
    const [a, b] = directed || s < t ? [s, t] : [t, s];
    const key = a * n + b;
    const known = pairStrength.get(key);
    if (known === undefined) {
      pairStrength.set(key, strength);
      order.push(key);
    } else if (strength > known) pairStrength.set(key, strength);
  });
  const m = order.length;
  const tieSources = new Int32Array(m);
  const tieTargets = new Int32Array(m);
  const tieStrengths = new Float64Array(m);
  let weighted = false;
  order.forEach((key, e) => {
    tieSources[e] = Math.floor(key / n);
    tieTargets[e] = key % n;
    tieStrengths[e] = pairStrength.get(key)!;
    if (tieStrengths[e] !== 1) weighted = true;
  });
  let out, inn;
  if (directed) {
    out = buildRows(n, tieSources, tieTargets, tieStrengths);
    inn = buildRows(n, tieTargets, tieSources, tieStrengths);
  } else {
    const from = new Int32Array(2 * m);
    const to = new Int32Array(2 * m);
    const both = new Float64Array(2 * m);
    from.set(tieSources);
    from.set(tieTargets, m);
    to.set(tieTargets);
    to.set(tieSources, m);
    both.set(tieStrengths);
    both.set(tieStrengths, m);
    out = buildRows(n, from, to, both);
    inn = out;
  }
  let all = { offsets: out.offsets, targets: out.targets };
  if (directed) {
    const seen = new Int32Array(n).fill(-1);
    const offsets = new Int32Array(n + 1);
    const targets: number[] = [];
    for (let v = 0; v < n; v++) {
      seen[v] = v;
      for (const [o, t] of [
        [out.offsets, out.targets],
        [inn.offsets, inn.targets],
      ] as const) {
        for (let e = o[v]; e < o[v + 1]; e++) {
          if (seen[t[e]] !== v) {
            seen[t[e]] = v;
            targets.push(t[e]);
          }
        }
      }
      offsets[v + 1] = targets.length;
    }
    all = { offsets, targets: Int32Array.from(targets) };
  }
  return {
    directed,
    weighted,
    ids,
    index,
    groups,
    tracks,
    tieSources,
    tieTargets,
    tieStrengths,
    outOffsets: out.offsets,
    outTargets: out.targets,
    outStrengths: out.strengths,
    inOffsets: inn.offsets,
    inTargets: inn.targets,
    inStrengths: inn.strengths,
    allOffsets: all.offsets,
    allTargets: all.targets,
  };
}

/** Path lengths along out-arcs: 1 / strength, or null when every tie has strength 1 (plain hops). */
export function arcDistances(network: Network, direction: 'out' | 'in' = 'out'): Float64Array | null {
  if (!network.weighted) return null;
  const strengths = direction === 'out' ? network.outStrengths : network.inStrengths;
  const distances = new Float64Array(strengths.length);
  for (let e = 0; e < strengths.length; e++) distances[e] = 1 / strengths[e];
  return distances;
}
