import { TrackTwoError } from '../domain/errors.js';
import { byText } from '../domain/order.js';
import type { ActorRow, NetworkInput, TieRow } from './network-input.js';
import { filterTies, type TieFilter } from './tie-filter.js';

export interface CrossDivideTie {
  source: string;
  target: string;
  groups: [string, string];
}

export interface DivideChange {
  from: string;
  to: string;
  /** Cross-divide ties that hold on `to` but did not on `from`. */
  newTies: CrossDivideTie[];
  /** Cross-divide ties that held on `from` but no longer on `to`. */
  lostTies: CrossDivideTie[];
  crossTiesBefore: number;
  crossTiesAfter: number;
}

/**
 * How the ties across the divide changed between two dates: the network as of `from` against the
 * network as of `to` (the other filters applied to both). Pairs are compared, so a tie replaced by
 * another of a different kind between the same actors is neither new nor lost.
 */
export function divideChange(
  input: NetworkInput,
  from: string,
  to: string,
  filter: TieFilter = {},
): DivideChange {
  if (!input.nodes.some((a) => a.group !== undefined && a.group !== null && a.group !== '')) {
    throw new TrackTwoError('TT_ERR_NETWORK_NO_GROUPS', { field: 'nodes.group' });
  }
  const groupOf = new Map<string, string | null>(
    input.nodes.map((a: ActorRow) => [String(a.id), a.group ? String(a.group) : null]),
  );
  const crossPairs = (ties: TieRow[]) => {
    const pairs = new Map<string, CrossDivideTie>();
    for (const tie of ties) {
      const [s, t] = [String(tie.source), String(tie.target)];
      const gs = groupOf.get(s) ?? null;
      const gt = groupOf.get(t) ?? null;
      if (gs === null || gt === null || gs === gt) continue;
      const [a, b] = input.directed || s < t ? [s, t] : [t, s];
      const key = `${a}\u0000${b}`;
      if (!pairs.has(key)) {
        pairs.set(key, { source: a, target: b, groups: [groupOf.get(a)!, groupOf.get(b)!] });
      }
    }
    return pairs;
  };
  const before = crossPairs(filterTies(input.ties, { ...filter, asOf: from }));
  const after = crossPairs(filterTies(input.ties, { ...filter, asOf: to }));
  const byPair = (x: CrossDivideTie, y: CrossDivideTie) =>
    byText(x.source, y.source) || byText(x.target, y.target);
  return {
    from,
    to,
    newTies: [...after]
      .filter(([key]) => !before.has(key))
      .map(([, tie]) => tie)
      .sort(byPair),
    lostTies: [...before]
      .filter(([key]) => !after.has(key))
      .map(([, tie]) => tie)
      .sort(byPair),
    crossTiesBefore: before.size,
    crossTiesAfter: after.size,
  };
}
