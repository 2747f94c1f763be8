/**
 * How attendance turns into `met` ties: people who attend the same meeting have met. Pure and zod-free;
 * the service reads the ties it needs and writes what this module decides.
 */

/** A `met` tie strengthens with every meeting attended together, up to the scale's top. */
export const MAX_STRENGTH = 5;

/** `met` ties are undirected and kept once per pair, in id order, so the pair has one key. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/**
 * A tie's ends and direction as stored: a `met` tie is undirected with its ends in id order, so a pair
 * has one row whichever way round it is given; other ties keep theirs.
 */
export function storedEnds(tie: {
  kind: string;
  source_actor_id: string;
  target_actor_id: string;
  directed?: boolean;
}): { source_actor_id: string; target_actor_id: string; directed: boolean } {
  if (tie.kind !== 'met') {
    return {
      source_actor_id: tie.source_actor_id,
      target_actor_id: tie.target_actor_id,
      directed: tie.directed ?? false,
    };
  }
  const [source_actor_id, target_actor_id] = orderedPair(tie.source_actor_id, tie.target_actor_id);
  return { source_actor_id, target_actor_id, directed: false };
}

export function pairKey([a, b]: readonly [string, string]): string {
  return `${a}|${b}`;
}

/**
 * The pairs who meet when `newcomers` join `present`: each newcomer meets the other newcomers and
 * everyone present. Pairs of two already present are left out, so recording the same meeting twice does
 * not count it twice. Keyed by pairKey, each pair in id order.
 */
export function metPairs(
  newcomers: readonly string[],
  present: readonly string[] = [],
): Map<string, [string, string]> {
  const fresh = [...new Set(newcomers)];
  const before = [...new Set(present)].filter((id) => !fresh.includes(id));
  const pairs = new Map<string, [string, string]>();
  const add = (a: string, b: string) => {
    const pair = orderedPair(a, b);
    pairs.set(pairKey(pair), pair);
  };
  fresh.forEach((a, index) => {
    for (const b of fresh.slice(index + 1)) add(a, b);
    for (const b of before) add(a, b);
  });
  return pairs;
}

export interface MetTieFields {
  strength: number;
  valid_from: string | null;
  valid_to: string | null;
}

/** A pair's first meeting, on `on`: a weak tie valid on that day, observed at the meeting itself. */
export function firstMeeting(on: string) {
  return {
    kind: 'met',
    directed: false,
    strength: 1,
    valid_from: on,
    valid_to: on,
    source: 'meeting',
    confidence: 1,
  } as const;
}

/**
 * A pair met again on `on`: one step stronger (at most MAX_STRENGTH), and its dates widened to take in
 * that day. An open bound (null) is already wider than any day, so it stays open.
 */
export function metAgain(tie: MetTieFields, on: string): MetTieFields {
  return {
    strength: Math.min(MAX_STRENGTH, tie.strength + 1),
    valid_from: tie.valid_from !== null && tie.valid_from > on ? on : tie.valid_from,
    valid_to: tie.valid_to !== null && tie.valid_to < on ? on : tie.valid_to,
  };
}
