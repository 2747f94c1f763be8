import type { Actor } from '../../domain/actor.js';
import { TrackTwoError } from '../../domain/errors.js';
import {
  actorMetrics,
  addActorMeasures,
  analyzeNetwork,
  networkMetrics,
  parseMetrics,
  pathMetrics,
  type ActorMeasures,
  type NetworkReport,
} from '../../network/analyze.js';
import type { ServiceContext } from '../context.js';
import {
  betweennessOf,
  pathMeasuresOf,
  type BetweennessChoice,
  type BetweennessSample,
} from './betweenness.js';
import { answer, loadActorMap, mapRecipeKey, networkOf, type ActorMap, type NetworkAnswer } from './map.js';
import { measureCache, measureKey } from './measure-cache.js';
import { measureWarmer } from './measure-warmer.js';
import type { GraphQuery, MetricsQuery } from './options.js';

/** Options a caller inside the process may add (the CLI's `--workers`, tests); not a query field. */
export type ComputeOptions = Pick<BetweennessChoice, 'workers' | 'signal'>;

export type ConflictNetworkReport = NetworkReport & { betweennessSample?: BetweennessSample };

/**
 * Per-actor measures (centralities, structural holes, brokerage roles across the divide, community) and
 * per-network measures of the divide (density, components, bridges, cut points, modularity of the sides,
 * E-I index, assortativity, communities against the sides), in the core's layout.
 */
export async function analyzeConflictNetwork(
  ctx: ServiceContext,
  conflictId: string,
  query: MetricsQuery,
  options: ComputeOptions = {},
): Promise<NetworkAnswer<ConflictNetworkReport>> {
  const map = await loadActorMap(ctx, conflictId, query);
  const report = await measuresOf(map, query, options);
  return answer(ctx, map, report);
}

/** Which measures a question asks for, and how: what, beside the map's version, keys the cache. */
export interface MeasureQuestion {
  metrics?: readonly string[];
  pivots?: number;
  seed?: number;
}

/**
 * The core's report on a map, computed once per version of the map and question and then served from
 * the measure cache (src/services/network/measure-cache.ts) until an actor or tie changes. Exact
 * betweenness of a large map runs on worker threads (betweenness.ts), off the server's own thread.
 */
export async function measuresOf(
  map: ActorMap,
  question: MeasureQuestion,
  options: ComputeOptions = {},
): Promise<ConflictNetworkReport> {
  // Nobody is waiting any more: not even a cached answer is sent.
  if (options.signal?.aborted) throw new TrackTwoError('TT_ERR_NETWORK_CANCELLED', { reason: 'betweenness' });
  const canonicalQuestion = {
    metrics: question.metrics ? [...question.metrics].sort() : 'all',
    pivots: question.pivots,
    seed: question.seed,
  };
  const key = measureKey(map.conflictId, map.version, canonicalQuestion);
  const report = await measureCache.get(key, () => {
    // The same question on the same selection for the same evidence, whatever the version.
    const asked = measureKey(
      map.conflictId,
      mapRecipeKey({ ...map.recipe, storeVersion: null }),
      canonicalQuestion,
    );
    measureWarmer.remember(map.recipe, question, asked);
    return computeMeasures(map, question, options);
  });
  // Callers turn the answer's keys to snake_case in place: each gets its own copy of the cached report.
  return structuredClone(report);
}

/**
 * The core's report. Exact betweenness, closeness and harmonic closeness come from one search per
 * source (the fused kernel), on worker threads for a large map while this thread computes the rest;
 * sampled betweenness (pivots) is computed on its own, and closeness then by the core.
 */
async function computeMeasures(
  map: ActorMap,
  question: MeasureQuestion,
  options: ComputeOptions,
): Promise<ConflictNetworkReport> {
  const network = networkOf(map);
  const all = question.metrics ?? [...actorMetrics, ...networkMetrics];
  const wanted = new Set<string>(parseMetrics(all));
  const communitySeed = question.seed;
  if (question.pivots !== undefined) {
    const between = wanted.has('betweenness')
      ? await betweennessOf(network, { pivots: question.pivots, seed: question.seed, ...options })
      : undefined;
    const computed: ConflictNetworkReport = analyzeNetwork(network, {
      metrics: all,
      betweenness: between?.values,
      communitySeed,
    });
    if (between?.sample) computed.betweennessSample = between.sample;
    return computed;
  }
  const fused = pathMetrics.filter((name) => wanted.has(name));
  if (fused.length === 0) return analyzeNetwork(network, { metrics: all, communitySeed });
  const paths = pathMeasuresOf(network, options);
  // Nothing is left unhandled if the rest fails while the workers run.
  paths.catch(() => undefined);
  const rest = analyzeNetwork(network, {
    metrics: all.filter((name) => !(pathMetrics as readonly string[]).includes(name)),
    communitySeed,
  });
  const measured = await paths;
  return addActorMeasures(rest, Object.fromEntries(fused.map((name) => [name, measured[name]])));
}

export const defaultMapMetrics = ['degree', 'betweenness', 'pagerank', 'community'] as const;

export interface MapNode {
  /** The pseudonym: the node's only handle. */
  id: string;
  kind: Actor['kind'];
  role: Actor['role'];
  track: Actor['track'];
  gender: Actor['gender'];
  /** The actor's group in the chosen divide (its name), and that group's colour. */
  group: string | null;
  color: string | null;
  /** Memberships in every divide of the conflict. */
  groups: Actor['groups'];
  metrics: Omit<ActorMeasures, 'id'>;
}

export interface MapTie {
  id: string;
  source: string;
  target: string;
  kind: string;
  directed: boolean;
  strength: number;
  confidence: number;
  valid_from: string | null;
  valid_to: string | null;
  /** Both ends have a group in the chosen divide, and not the same one. */
  acrossDivide: boolean;
}

export interface NetworkGraph {
  nodes: MapNode[];
  ties: MapTie[];
  betweennessSample?: BetweennessSample;
}

/** The map for the browser: nodes (pseudonym, group and its colour, measures) and the ties that pass the filter. */
export async function conflictNetworkGraph(
  ctx: ServiceContext,
  conflictId: string,
  query: GraphQuery,
  options: ComputeOptions = {},
): Promise<NetworkAnswer<NetworkGraph>> {
  const map = await loadActorMap(ctx, conflictId, query);
  const network = networkOf(map);
  const metrics = query.metrics ?? [...defaultMapMetrics];
  const report = await measuresOf(map, { ...query, metrics }, options);
  const between = { sample: report.betweennessSample };
  const colors = new Map(map.divide?.groups.map((g) => [g.name, g.color]) ?? []);
  const groupOf = (pseudonym: string) => map.input.nodes[network.index.get(pseudonym)!].group ?? null;
  const nodes = map.actors.map((actor, v): MapNode => {
    const { id: _pseudonym, ...measures } = report.nodes[v];
    const group = groupOf(actor.pseudonym);
    return {
      id: actor.pseudonym,
      kind: actor.kind,
      role: actor.role,
      track: actor.track,
      gender: actor.gender,
      group,
      color: group === null ? null : (colors.get(group) ?? null),
      groups: actor.groups,
      metrics: measures,
    };
  });
  const pseudonyms = new Map(map.actors.map((a) => [a.id, a.pseudonym]));
  const ties = map.ties.map((tie): MapTie => {
    const source = pseudonyms.get(tie.source_actor_id)!;
    const target = pseudonyms.get(tie.target_actor_id)!;
    const [gs, gt] = [groupOf(source), groupOf(target)];
    return {
      id: tie.id,
      source,
      target,
      kind: tie.kind,
      directed: tie.directed,
      strength: tie.strength,
      confidence: tie.confidence,
      valid_from: tie.valid_from,
      valid_to: tie.valid_to,
      acrossDivide: gs !== null && gt !== null && gs !== gt,
    };
  });
  const graph: NetworkGraph = { nodes, ties };
  if (between.sample) graph.betweennessSample = between.sample;
  return answer(ctx, map, graph);
}
