import { TrackTwoError } from '../domain/errors.js';
import { byText } from '../domain/order.js';
import { componentLabels } from './components.js';
import { hasGroups } from './group-partition.js';
import type { Network } from './network.js';

export interface ActorLoss {
  id: string;
  group: string | null;
  /** Components among the other actors, with and without this one. */
  componentsBefore: number;
  componentsAfter: number;
  /** Ordered pairs of other actors in different groups still joined by some path, before and after. */
  crossDivideReachBefore: number;
  crossDivideReachAfter: number;
  crossDivideReachLost: number;
  /** Share of the others' cross-divide reach that is lost (0 when there was none). */
  crossDivideReachLostShare: number;
  eiIndexBefore: number | null;
  eiIndexAfter: number | null;
  eiIndexChange: number | null;
}

/**
 * What the network loses if an actor is arrested, killed or withdraws: how it splits, how many
 * cross-divide pairs of the others lose every path between them, and how the E-I index moves once the
 * actor's ties are gone. Ranked by reach lost, then by components added. O(n (n + m)).
 */
export function fragility(
  network: Network,
  options: { actors?: string[]; limit?: number } = {},
): ActorLoss[] {
  if (!hasGroups(network)) throw new TrackTwoError('TT_ERR_NETWORK_NO_GROUPS', { field: 'nodes.group' });
  const { ids, groups, tieSources, tieTargets } = network;
  const n = ids.length;
  const groupIndex = new Map<string, number>();
  const group = new Int32Array(n).fill(-1);
  groups.forEach((g, v) => {
    if (g === null) return;
    if (!groupIndex.has(g)) groupIndex.set(g, groupIndex.size);
    group[v] = groupIndex.get(g)!;
  });
  const k = groupIndex.size;
  // Cross-divide ordered pairs within components: (sum c_g)^2 - sum c_g^2 per component.
  const crossPairs = (labels: Int32Array, count: number, removed: number) => {
    const counts = new Float64Array(count * k);
    for (let v = 0; v < n; v++)
      if (v !== removed && labels[v] >= 0 && group[v] >= 0) counts[labels[v] * k + group[v]]++;
    let pairs = 0;
    for (let c = 0; c < count; c++) {
      let total = 0;
      let squares = 0;
      for (let g = 0; g < k; g++) {
        total += counts[c * k + g];
        squares += counts[c * k + g] ** 2;
      }
      pairs += total * total - squares;
    }
    return pairs;
  };
  const external = new Float64Array(n);
  const internal = new Float64Array(n);
  let allExternal = 0;
  let allInternal = 0;
  for (let e = 0; e < tieSources.length; e++) {
    const a = tieSources[e];
    const b = tieTargets[e];
    if (group[a] < 0 || group[b] < 0) continue;
    const across = group[a] !== group[b];
    if (across) allExternal++;
    else allInternal++;
    for (const v of [a, b]) {
      if (across) external[v]++;
      else internal[v]++;
    }
  }
  const ei = (e: number, i: number) => (e + i === 0 ? null : (e - i) / (e + i));
  const whole = componentLabels(network);
  const removed = new Uint8Array(n);
  const chosen = options.actors
    ? options.actors.map((id) => {
        const v = network.index.get(id);
        if (v === undefined)
          throw new TrackTwoError('TT_ERR_NETWORK_UNKNOWN_ACTOR', { field: 'actors', reason: id });
        return v;
      })
    : Array.from({ length: n }, (_, v) => v);
  const losses: ActorLoss[] = chosen.map((v) => {
    // Before: the whole network's components, with v left out of the counts (an isolate v was one).
    let before = whole.count;
    if (network.allOffsets[v + 1] === network.allOffsets[v]) before--;
    const crossBefore = crossPairs(whole.labels, whole.count, v);
    removed[v] = 1;
    const after = componentLabels(network, removed);
    removed[v] = 0;
    const crossAfter = crossPairs(after.labels, after.count, v);
    const eiBefore = ei(allExternal, allInternal);
    const eiAfter = ei(allExternal - external[v], allInternal - internal[v]);
    return {
      id: ids[v],
      group: groups[v],
      componentsBefore: before,
      componentsAfter: after.count,
      crossDivideReachBefore: crossBefore,
      crossDivideReachAfter: crossAfter,
      crossDivideReachLost: crossBefore - crossAfter,
      crossDivideReachLostShare: crossBefore === 0 ? 0 : (crossBefore - crossAfter) / crossBefore,
      eiIndexBefore: eiBefore,
      eiIndexAfter: eiAfter,
      eiIndexChange: eiBefore === null || eiAfter === null ? null : eiAfter - eiBefore,
    };
  });
  losses.sort(
    (a, b) =>
      b.crossDivideReachLost - a.crossDivideReachLost ||
      b.componentsAfter - b.componentsBefore - (a.componentsAfter - a.componentsBefore) ||
      byText(a.id, b.id),
  );
  return options.limit === undefined ? losses : losses.slice(0, options.limit);
}
