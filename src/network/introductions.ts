import { TrackTwoError } from '../domain/errors.js';
import { byText } from '../domain/order.js';
import { hasGroups } from './group-partition.js';
import type { Network } from './network.js';
import { tieStrengths } from './tie-lookup.js';

export interface Introduction {
  /** The two people to introduce, from different groups, not yet tied. */
  first: { id: string; group: string };
  second: { id: string; group: string };
  /** The trusted intermediary who knows both (the one with the strongest weaker tie). */
  intermediary: { id: string; group: string | null; trustWithFirst: number; trustWithSecond: number };
  /** Everyone else who knows both through trusted ties. */
  otherIntermediaries: number;
  /** People of other groups newly within two steps of the first, and of the second. */
  newReachOfFirst: number;
  newReachOfSecond: number;
  /** newReachOfFirst + newReachOfSecond: what the ranking orders by. */
  gain: number;
  reason: string;
}

export interface IntroductionOptions {
  /** A tie is trusted when its strength is at least this (default 1: every tie). */
  minTrust?: number;
  limit?: number;
}

/**
 * Ranked cross-divide introductions: two people of different groups who are not tied but share a
 * trusted intermediary. Each is scored by the gain in cross-divide reach it brings: the people of
 * groups other than one's own who come within two steps of each of the two once they are tied.
 * Ties count in either direction (the undirected view).
 */
export function introductions(network: Network, options: IntroductionOptions = {}): Introduction[] {
  if (!hasGroups(network)) throw new TrackTwoError('TT_ERR_NETWORK_NO_GROUPS', { field: 'nodes.group' });
  const minTrust = options.minTrust ?? 1;
  const { ids, groups, allOffsets, allTargets } = network;
  const n = ids.length;
  const strength = tieStrengths(network);
  type Candidate = { u: number; w: number; x: number; su: number; sw: number; count: number };
  const candidates = new Map<number, Candidate>();
  for (let x = 0; x < n; x++) {
    const trusted: number[] = [];
    for (let e = allOffsets[x]; e < allOffsets[x + 1]; e++) {
      const y = allTargets[e];
      if (groups[y] !== null && strength(x, y) >= minTrust) trusted.push(y);
    }
    for (let i = 0; i < trusted.length; i++) {
      for (let j = i + 1; j < trusted.length; j++) {
        const u = Math.min(trusted[i], trusted[j]);
        const w = Math.max(trusted[i], trusted[j]);
        if (groups[u] === groups[w] || strength(u, w) > 0) continue;
        const su = strength(x, u);
        const sw = strength(x, w);
        const key = u * n + w;
        const known = candidates.get(key);
        if (!known) candidates.set(key, { u, w, x, su, sw, count: 1 });
        else {
          known.count++;
          if (Math.min(su, sw) > Math.min(known.su, known.sw)) Object.assign(known, { x, su, sw });
        }
      }
    }
  }
  // Within-two-steps sets, stamped afresh for each question so no mark outlives it.
  const mark = new Int32Array(n).fill(-1);
  let stamp = 0;
  // Once v is tied to other, v newly reaches other and other's contacts.
  const newReach = (v: number, other: number) => {
    const now = stamp++;
    mark[v] = now;
    for (let e = allOffsets[v]; e < allOffsets[v + 1]; e++) {
      const y = allTargets[e];
      mark[y] = now;
      for (let f = allOffsets[y]; f < allOffsets[y + 1]; f++) mark[allTargets[f]] = now;
    }
    let gained = 0;
    const count = (y: number) => {
      if (mark[y] !== now && groups[y] !== null && groups[y] !== groups[v]) gained++;
      mark[y] = now;
    };
    count(other);
    for (let e = allOffsets[other]; e < allOffsets[other + 1]; e++) count(allTargets[e]);
    return gained;
  };
  const result: Introduction[] = [];
  for (const { u, w, x, su, sw, count } of candidates.values()) {
    const first = newReach(u, w);
    const second = newReach(w, u);
    const gain = first + second;
    result.push({
      first: { id: ids[u], group: groups[u]! },
      second: { id: ids[w], group: groups[w]! },
      intermediary: { id: ids[x], group: groups[x], trustWithFirst: su, trustWithSecond: sw },
      otherIntermediaries: count - 1,
      newReachOfFirst: first,
      newReachOfSecond: second,
      gain,
      reason:
        `${ids[x]} knows both ${ids[u]} (${groups[u]}) and ${ids[w]} (${groups[w]}) ` +
        `(tie strengths ${su} and ${sw}); the introduction brings ${first} people of other groups within ` +
        `two steps of ${ids[u]} and ${second} within two steps of ${ids[w]}.`,
    });
  }
  result.sort(
    (a, b) =>
      b.gain - a.gain ||
      Math.min(b.intermediary.trustWithFirst, b.intermediary.trustWithSecond) -
        Math.min(a.intermediary.trustWithFirst, a.intermediary.trustWithSecond) ||
      byText(a.first.id, b.first.id) ||
      byText(a.second.id, b.second.id),
  );
  return options.limit === undefined ? result : result.slice(0, options.limit);
}
