/**
 * The map for the browser as columns: one array per field, actors by position and ties as pairs of
 * positions, instead of one object per actor and per tie. A map of 3,000 actors and 12,000 ties is then
 * a few hundred kilobytes rather than megabytes, and the browser builds its graph from typed loops.
 * Sides, tie kinds and tracks are indexes into the small tables beside them (`-1`: no side). Free of zod,
 * so the web app decodes with the same module.
 */
/** The columns as the API sends them; their schema is networkGraphColumnsSchema (network-answer.ts). */
export interface NetworkGraphColumns {
  /** The version of the map the columns were computed on: it changes with any actor or tie. */
  version: string;
  /** The divide's groups, in the divide's order; `side` points into these. */
  groups: { name: string; color: string | null }[];
  /** The tie kinds present; `tie_kind` points into these. */
  kinds: string[];
  tracks: string[];
  /** Per actor: the pseudonym, the record's id, side, track, community and measures, first position. */
  ids: string[];
  actor_ids: string[];
  /** The actor's name, for a caller who may see names; otherwise absent. Null where none is known. */
  names?: (string | null)[];
  side: number[];
  track: number[];
  community: number[];
  degree: number[];
  betweenness: number[];
  pagerank: number[];
  x: number[];
  y: number[];
  /** Per tie: its ends (positions in `ids`), kind, strength, whether directed (1) and across sides (1). */
  tie_source: number[];
  tie_target: number[];
  tie_kind: number[];
  tie_strength: number[];
  tie_directed: (0 | 1)[];
  tie_across: (0 | 1)[];
}

export interface GraphColumnsNode {
  id: string;
  actorId: string;
  name: string | null;
  group: string | null;
  color: string | null;
  track: string | null;
  community: number;
  degree: number;
  betweenness: number;
  pagerank: number;
  x: number;
  y: number;
}
export interface GraphColumnsTie {
  source: string;
  target: string;
  kind: string;
  strength: number;
  directed: boolean;
  across: boolean;
}

/** Rounds a coordinate or measure so the payload carries no meaningless digits. */
export function rounded(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Index of each distinct value, in order of first appearance. */
function table(values: readonly (string | null)[]): {
  entries: string[];
  index: (v: string | null) => number;
} {
  const entries: string[] = [];
  const positions = new Map<string, number>();
  for (const value of values) {
    if (value === null || positions.has(value)) continue;
    positions.set(value, entries.length);
    entries.push(value);
  }
  return { entries, index: (value) => (value === null ? -1 : (positions.get(value) ?? -1)) };
}

/** Columns from a map's actors and ties (the ties' ends name actors by pseudonym). */
export function encodeGraphColumns(input: {
  version: string;
  groups: readonly { name: string; color: string | null }[];
  nodes: readonly GraphColumnsNode[];
  ties: readonly GraphColumnsTie[];
  withNames: boolean;
}): NetworkGraphColumns {
  const position = new Map(input.nodes.map((node, v) => [node.id, v]));
  const sides = new Map(input.groups.map((group, i) => [group.name, i]));
  const kinds = table(input.ties.map((tie) => tie.kind));
  const tracks = table(input.nodes.map((node) => node.track));
  const ties = input.ties.filter((tie) => position.has(tie.source) && position.has(tie.target));
  const columns: NetworkGraphColumns = {
    version: input.version,
    groups: input.groups.map(({ name, color }) => ({ name, color })),
    kinds: kinds.entries,
    tracks: tracks.entries,
    ids: input.nodes.map((node) => node.id),
    actor_ids: input.nodes.map((node) => node.actorId),
    side: input.nodes.map((node) => (node.group === null ? -1 : (sides.get(node.group) ?? -1))),
    track: input.nodes.map((node) => tracks.index(node.track)),
    community: input.nodes.map((node) => node.community),
    degree: input.nodes.map((node) => rounded(node.degree, 6)),
    betweenness: input.nodes.map((node) => rounded(node.betweenness, 6)),
    pagerank: input.nodes.map((node) => rounded(node.pagerank, 6)),
    x: input.nodes.map((node) => rounded(node.x, 2)),
    y: input.nodes.map((node) => rounded(node.y, 2)),
    tie_source: ties.map((tie) => position.get(tie.source)!),
    tie_target: ties.map((tie) => position.get(tie.target)!),
    tie_kind: ties.map((tie) => kinds.index(tie.kind)),
    tie_strength: ties.map((tie) => tie.strength),
    tie_directed: ties.map((tie) => (tie.directed ? 1 : 0)),
    tie_across: ties.map((tie) => (tie.across ? 1 : 0)),
  };
  if (input.withNames) columns.names = input.nodes.map((node) => node.name);
  return columns;
}

/** Actors and ties back from columns: what the browser draws. */
export function decodeGraphColumns(columns: NetworkGraphColumns): {
  nodes: GraphColumnsNode[];
  ties: GraphColumnsTie[];
} {
  const nodes = columns.ids.map((id, v): GraphColumnsNode => {
    const side = columns.side[v];
    const group = side >= 0 ? columns.groups[side] : undefined;
    return {
      id,
      actorId: columns.actor_ids[v],
      name: columns.names?.[v] ?? null,
      group: group?.name ?? null,
      color: group?.color ?? null,
      track: columns.track[v] >= 0 ? columns.tracks[columns.track[v]] : null,
      community: columns.community[v],
      degree: columns.degree[v],
      betweenness: columns.betweenness[v],
      pagerank: columns.pagerank[v],
      x: columns.x[v],
      y: columns.y[v],
    };
  });
  const ties = columns.tie_source.map((s, e): GraphColumnsTie => ({
    source: columns.ids[s],
    target: columns.ids[columns.tie_target[e]],
    kind: columns.kinds[columns.tie_kind[e]],
    strength: columns.tie_strength[e],
    directed: columns.tie_directed[e] === 1,
    across: columns.tie_across[e] === 1,
  }));
  return { nodes, ties };
}
