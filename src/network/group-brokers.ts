import { TrackTwoError } from '../domain/errors.js';
import { byText } from '../domain/order.js';
import { cutPoints } from './cut-points.js';
import { hasGroups } from './group-partition.js';
import type { Network } from './network.js';

export interface CrossTie {
  source: string;
  target: string;
  strength: number;
  /** The only path between its two sides: losing it splits a component. */
  isBridge: boolean;
}

export interface PairBroker {
  id: string;
  group: string | null;
  /** Pairs (one actor of each group, not tied to each other) this actor links in two steps. */
  pairsLinked: number;
  contactsInFirst: number;
  contactsInSecond: number;
}

export interface GroupPairLinks {
  groups: [string, string];
  crossTies: CrossTie[];
  /** True when exactly one tie crosses between the two groups. */
  singleTie: boolean;
  /** Actors with contacts in both groups, most pairs linked first. */
  brokers: PairBroker[];
}

export interface GroupBrokersResult {
  pairs: GroupPairLinks[];
  /** Group pairs with no tie across at all: the gaps. */
  unlinkedPairs: [string, string][];
}

/**
 * Who links each pair of groups: the ties across (and which are bridges), the actors with contacts on
 * both sides (ranked by how many unlinked pairs they join), and the pairs of groups with no tie.
 * Works on the undirected view: a tie in either direction is a link.
 */
export function groupBrokers(network: Network): GroupBrokersResult {
  if (!hasGroups(network)) throw new TrackTwoError('TT_ERR_NETWORK_NO_GROUPS', { field: 'nodes.group' });
  const { ids, groups, allOffsets, allTargets, tieSources, tieTargets, tieStrengths } = network;
  const n = ids.length;
  const names = [...new Set(groups.filter((g): g is string => g !== null))].sort(byText);
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const bridges = new Set(cutPoints(network).bridges.map(([a, b]) => a * n + b));
  const crossTies = new Map<string, CrossTie[]>();
  for (let e = 0; e < tieSources.length; e++) {
    const a = tieSources[e];
    const b = tieTargets[e];
    const ga = groups[a];
    const gb = groups[b];
    if (ga === null || gb === null || ga === gb) continue;
    const key = pairKey(ga, gb);
    const list = crossTies.get(key) ?? [];
    list.push({
      source: ids[a],
      target: ids[b],
      strength: tieStrengths[e],
      isBridge: bridges.has(Math.min(a, b) * n + Math.max(a, b)),
    });
    crossTies.set(key, list);
  }
  const neighbour = new Int32Array(n).fill(-1);
  const pairs: GroupPairLinks[] = [];
  const unlinkedPairs: [string, string][] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [first, second] = [names[i], names[j]];
      const ties = crossTies.get(pairKey(first, second)) ?? [];
      if (ties.length === 0) unlinkedPairs.push([first, second]);
      const brokers: PairBroker[] = [];
      for (let x = 0; x < n; x++) {
        const inFirst: number[] = [];
        const inSecond: number[] = [];
        for (let e = allOffsets[x]; e < allOffsets[x + 1]; e++) {
          const w = allTargets[e];
          if (groups[w] === first) inFirst.push(w);
          else if (groups[w] === second) inSecond.push(w);
        }
        if (inFirst.length === 0 || inSecond.length === 0) continue;
        let linked = 0;
        for (const a of inFirst) {
          for (let e = allOffsets[a]; e < allOffsets[a + 1]; e++) neighbour[allTargets[e]] = a;
          for (const b of inSecond) if (neighbour[b] !== a) linked++;
        }
        brokers.push({
          id: ids[x],
          group: groups[x],
          pairsLinked: linked,
          contactsInFirst: inFirst.length,
          contactsInSecond: inSecond.length,
        });
      }
      brokers.sort((p, q) => q.pairsLinked - p.pairsLinked || byText(p.id, q.id));
      neighbour.fill(-1);
      pairs.push({ groups: [first, second], crossTies: ties, singleTie: ties.length === 1, brokers });
    }
  }
  return { pairs, unlinkedPairs };
}
