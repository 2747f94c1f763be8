import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/actor.js';
import type { Divide } from '../../domain/conflict.js';
import { TrackTwoError } from '../../domain/errors.js';
import type { Tie } from '../../domain/tie.js';
import { tieKindSchema, type TieKind } from '../../domain/vocabulary.js';
import type { ActorRow, NetworkInput, TieRow } from '../../network/network-input.js';
import { buildNetwork, type Network } from '../../network/network.js';
import { filterTies, type TieFilter } from '../../network/tie-filter.js';
import { canSeeNames } from '../../security/access.js';
import { getIdentities } from '../../security/vault.js';
import { requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { readActorMap } from '../interchange/export-actor-map.js';
import { tieEvidenceFor } from '../actors/tie-visibility.js';
import { getMapVersion } from '../../store/repositories/map-versions.js';
import type { MeetingEvidenceFilter } from '../../store/repositories/ties.js';
import { mapVersion, MeasureCache } from './measure-cache.js';

/** What selects the network under study; every question's query carries these fields. */
export interface ActorMapSelection {
  divide?: string;
  kinds?: TieKind[];
  asOf?: string;
  from?: string;
  to?: string;
  minConfidence?: number;
  directed: boolean;
  names: boolean;
}

/** Hostile ties carry no trust, no introduction and no reach: left out unless asked for by kind. */
export const defaultTieKinds: TieKind[] = tieKindSchema.options.filter((kind) => kind !== 'hostile');

export interface DivideSummary {
  id: string;
  name: string;
  groups: { id: string; name: string; color: string | null }[];
}

/**
 * A conflict's actor map as the network core takes it. Actors enter the core under their pseudonym,
 * so everything the core returns (ids, reasons, paths) names pseudonyms and nothing else; groups enter
 * under their name in the chosen divide (unique within it).
 */
export interface ActorMap {
  conflictId: string;
  workspaceId: string;
  divide: DivideSummary | null;
  actors: Actor[];
  byPseudonym: Map<string, Actor>;
  /** Every tie of the map as core rows (before the tie filter), for comparisons across dates. */
  allTieRows: TieRow[];
  /** The store's ties that pass the filter. */
  ties: Tie[];
  input: NetworkInput;
  filter: TieFilter;
  /** Whether names are added: asked for, and the caller holds `actors.names` in the conflict. */
  showNames: boolean;
  /**
   * The version of this map as this reader sees it under this selection: the database's map version
   * (0016_map_versions), the reader's evidence filter and the selection, digested; what the measure
   * cache is keyed by. A digest of the rows when the database has no version for the conflict.
   */
  version: string;
  /** What the map was read with, so the measure warmer can read it again after a change. */
  recipe: MapRecipe;
}

/** How a map was read: enough for the measure warmer to read the same map again after a change. */
export interface MapRecipe {
  conflictId: string;
  workspaceId: string;
  selection: Omit<ActorMapSelection, 'names'>;
  keepPeriod: boolean;
  /** The reader's evidence filter (tie-visibility.ts); undefined when the reader sees every tie. */
  evidence: MeetingEvidenceFilter | undefined;
  /** The database's map version the map was read at. */
  storeVersion: string | null;
}

/** Maps as read from the store and shaped for the core, by version, reader's evidence and selection. */
export const actorMapCache = new MeasureCache(6);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The selection fields that shape the map (not `names`, which only decides whether names are added). */
function selectionOf(selection: ActorMapSelection): Omit<ActorMapSelection, 'names'> {
  const { divide, kinds, asOf, from, to, minConfidence, directed } = selection;
  return { divide, kinds, asOf, from, to, minConfidence, directed };
}

/** The key of a map read: conflict, store version, reader's evidence, selection (canonical JSON). */
export function mapRecipeKey(recipe: MapRecipe): string {
  return `${recipe.conflictId}|${recipe.storeVersion}|${canonical({
    evidence: recipe.evidence ?? 'all',
    selection: recipe.selection,
    keepPeriod: recipe.keepPeriod,
  })}`;
}

function chooseDivide(divides: readonly Divide[], wanted: string | undefined): Divide | null {
  if (wanted === undefined) return divides[0] ?? null;
  const divide = divides.find((d) => d.id === wanted) ?? divides.find((d) => d.name === wanted);
  if (!divide) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'divide',
      reason: `no divide "${wanted}" in this conflict; its divides: ${divides.map((d) => d.name).join(', ') || 'none'}`,
    });
  }
  return divide;
}

/** A store tie as core rows: one row, or (in a directed network) one each way for an undirected tie. */
function tieRows(tie: Tie, pseudonyms: Map<string, string>, directed: boolean): TieRow[] {
  const row: TieRow = {
    source: pseudonyms.get(tie.source_actor_id)!,
    target: pseudonyms.get(tie.target_actor_id)!,
    strength: tie.strength,
    kind: tie.kind,
    startDate: tie.valid_from,
    endDate: tie.valid_to,
    confidence: tie.confidence,
    tieId: tie.id,
  };
  if (!directed || tie.directed) return [row];
  return [row, { ...row, source: row.target, target: row.source }];
}

/**
 * Reads a conflict's actor map for the network core, after `actors.read` on the conflict. The reading
 * is one short transaction; the computing that follows holds no transaction (a long SQLite
 * transaction would hold every other request).
 */
export async function loadActorMap(
  ctx: ServiceContext,
  conflictId: string,
  selection: ActorMapSelection,
  options: { keepPeriod?: boolean } = {},
): Promise<ActorMap> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'actors.read', { conflictId });
    const showNames = selection.names && (await canSeeNames(trx, ctx.auth, { conflictId }));
    // The version first, then the rows: a write committed in between leaves rows newer than the version
    // (harmless: that version is already past), never older.
    const recipe: MapRecipe = {
      conflictId,
      workspaceId: grant.workspaceId,
      selection: selectionOf(selection),
      keepPeriod: options.keepPeriod !== false,
      evidence: await tieEvidenceFor(trx, ctx.auth, grant.workspaceId),
      storeVersion: await getMapVersion(trx, conflictId),
    };
    const map = await readMapOnce(trx, recipe);
    return { ...map, showNames };
  });
}

/**
 * The map a recipe names, from the map cache when the store's version has not moved since it was read
 * (a cache hit reads one row, not 15,000), else read and shaped. Access is the caller's to check.
 */
export async function readMapOnce(
  trx: Parameters<typeof readActorMap>[0],
  recipe: MapRecipe,
): Promise<Omit<ActorMap, 'showNames'>> {
  if (recipe.storeVersion === null) return readAndShape(trx, recipe);
  const key = mapRecipeKey(recipe);
  return actorMapCache.get(key, () => readAndShape(trx, recipe));
}

async function readAndShape(
  trx: Parameters<typeof readActorMap>[0],
  recipe: MapRecipe,
): Promise<Omit<ActorMap, 'showNames'>> {
  const { conflictId, selection } = recipe;
  const read = await readActorMap(trx, null, recipe.workspaceId, conflictId, { evidence: recipe.evidence });
  const divide = chooseDivide(read.conflict.divides, selection.divide);
  const groupNames = new Map(divide?.groups.map((g) => [g.id, g.name]) ?? []);
  const pseudonyms = new Map(read.actors.map((a) => [a.id, a.pseudonym]));
  const nodes: ActorRow[] = read.actors.map((actor) => {
    const membership = divide ? actor.groups.find((g) => g.divide_id === divide.id) : undefined;
    return {
      id: actor.pseudonym,
      group: membership ? (groupNames.get(membership.group_id) ?? null) : null,
      track: actor.track,
      role: actor.role,
    };
  });
  const filter: TieFilter = {
    kinds: selection.kinds ?? defaultTieKinds,
    ...(selection.minConfidence === undefined ? {} : { minConfidence: selection.minConfidence }),
    ...(recipe.keepPeriod === false
      ? {}
      : {
          ...(selection.asOf ? { asOf: selection.asOf } : {}),
          ...(selection.from ? { from: selection.from } : {}),
          ...(selection.to ? { to: selection.to } : {}),
        }),
  };
  const allTieRows = read.ties.flatMap((tie) => tieRows(tie, pseudonyms, selection.directed));
  const kept = filterTies(allTieRows, filter);
  const keptIds = new Set(kept.map((row) => row.tieId));
  const input: NetworkInput = { nodes, ties: kept, directed: selection.directed };
  return {
    conflictId,
    workspaceId: recipe.workspaceId,
    divide: divide
      ? {
          id: divide.id,
          name: divide.name,
          groups: divide.groups.map(({ id, name, color }) => ({ id, name, color })),
        }
      : null,
    actors: read.actors,
    byPseudonym: new Map(read.actors.map((a) => [a.pseudonym, a])),
    allTieRows,
    ties: read.ties.filter((tie) => keptIds.has(tie.id)),
    input,
    filter,
    version:
      recipe.storeVersion === null
        ? mapVersion(input)
        : createHash('sha256').update(mapRecipeKey(recipe)).digest('base64url').slice(0, 22),
    recipe,
  };
}

export function networkOf(map: ActorMap): Network {
  return buildNetwork(map.input);
}

/** The pseudonym of an actor named by its pseudonym or its id; a coded error names any other. */
export function pseudonymsOf(map: ActorMap, refs: readonly string[], field: string): string[] {
  const byId = new Map(map.actors.map((a) => [a.id, a.pseudonym]));
  return refs.map((ref) => {
    if (map.byPseudonym.has(ref)) return ref;
    const pseudonym = byId.get(ref);
    if (pseudonym === undefined) {
      throw new TrackTwoError('TT_ERR_VALIDATION', { field, reason: `no actor "${ref}" in this conflict` });
    }
    return pseudonym;
  });
}

/** How an actor is shown beside a result: the pseudonymous record's fields, and a name only if allowed. */
export interface ActorLegendEntry {
  actor_id: string;
  pseudonym: string;
  kind: Actor['kind'];
  role: Actor['role'];
  track: Actor['track'];
  group: string | null;
  erased: boolean;
  name?: string;
}

/** Every pseudonym that appears as a whole value anywhere in a result. */
function pseudonymsIn(value: unknown, known: Map<string, Actor>, found: Set<string>): void {
  if (typeof value === 'string') {
    if (known.has(value)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) pseudonymsIn(item, known, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) pseudonymsIn(item, known, found);
  }
}

/**
 * The legend of the actors a result names, keyed by pseudonym. Names are decrypted from the vault (in a
 * transaction of their own, access checked again) only for a caller who may see names, and only for
 * the actors the result names.
 */
export async function actorLegend(
  ctx: ServiceContext,
  map: ActorMap,
  result: unknown,
): Promise<Record<string, ActorLegendEntry>> {
  const found = new Set<string>();
  pseudonymsIn(result, map.byPseudonym, found);
  const groupOf = new Map(map.input.nodes.map((node) => [String(node.id), node.group ?? null]));
  const legend: Record<string, ActorLegendEntry> = {};
  for (const pseudonym of [...found].sort()) {
    const actor = map.byPseudonym.get(pseudonym)!;
    legend[pseudonym] = {
      actor_id: actor.id,
      pseudonym,
      kind: actor.kind,
      role: actor.role,
      track: actor.track,
      group: groupOf.get(pseudonym) ?? null,
      erased: actor.erased_at !== null,
    };
  }
  const readable = Object.values(legend).filter((entry) => !entry.erased);
  const names = await actorNames(
    ctx,
    map,
    readable.map((entry) => entry.actor_id),
  );
  for (const entry of readable) {
    const name = names.get(entry.actor_id);
    if (name) entry.name = name;
  }
  return legend;
}

/**
 * The first name of each of these actors (by id), decrypted from the vault in a transaction of its own
 * with access checked again; empty unless the map was read for a caller who may see names.
 */
export async function actorNames(
  ctx: ServiceContext,
  map: ActorMap,
  actorIds: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!map.showNames || actorIds.length === 0) return names;
  await inTransaction(ctx, async (trx) => {
    if (!(await canSeeNames(trx, ctx.auth, { conflictId: map.conflictId }))) return;
    const identities = await getIdentities(trx, ctx.keys, map.workspaceId, [...actorIds]);
    for (const id of actorIds) {
      const name = identities.get(id)?.names[0];
      if (name) names.set(id, name);
    }
  });
  return names;
}

/** The network a result was computed on, stated beside it so a reader knows what was asked. */
export interface NetworkSelectionSummary {
  conflict_id: string;
  divide: DivideSummary | null;
  kinds: string[];
  asOf: string | null;
  from: string | null;
  to: string | null;
  minConfidence: number | null;
  directed: boolean;
  actors: number;
  ties: number;
  /** Whether the legend carries names (the caller may see them and did not ask for pseudonyms only). */
  names: boolean;
}

export function selectionSummary(map: ActorMap): NetworkSelectionSummary {
  return {
    conflict_id: map.conflictId,
    divide: map.divide,
    kinds: map.filter.kinds ?? [],
    asOf: map.filter.asOf ?? null,
    from: map.filter.from ?? null,
    to: map.filter.to ?? null,
    minConfidence: map.filter.minConfidence ?? null,
    directed: map.input.directed,
    actors: map.input.nodes.length,
    ties: map.ties.length,
    names: map.showNames,
  };
}

/** A question's answer: what was asked, the core's result (actors named by pseudonym), and the legend. */
export interface NetworkAnswer<T> {
  network: NetworkSelectionSummary;
  result: T;
  actors: Record<string, ActorLegendEntry>;
}

export async function answer<T>(ctx: ServiceContext, map: ActorMap, result: T): Promise<NetworkAnswer<T>> {
  return { network: selectionSummary(map), result, actors: await actorLegend(ctx, map, result) };
}
