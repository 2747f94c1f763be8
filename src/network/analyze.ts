import { TrackTwoError } from '../domain/errors.js';
import { byText } from '../domain/order.js';
import { assortativity } from './assortativity.js';
import { betweenness, betweennessAndCloseness } from './betweenness.js';
import { type BrokerageRoles, brokerage } from './brokerage.js';
import { closeness } from './closeness.js';
import { clustering } from './clustering.js';
import { componentLabels, density } from './components.js';
import { cutPoints } from './cut-points.js';
import { degree } from './degree.js';
import { eiIndex } from './ei-index.js';
import { eigenvector } from './eigenvector.js';
import { groupLabels, hasGroups } from './group-partition.js';
import { harmonic } from './harmonic.js';
import { louvain } from './louvain.js';
import { modularity } from './modularity.js';
import type { Network } from './network.js';
import { pagerank } from './pagerank.js';
import { partitionAgreement } from './partition-agreement.js';
import { structuralHoles } from './structural-holes.js';

export const actorMetrics = [
  'degree',
  'betweenness',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'constraint',
  'effectiveSize',
  'clustering',
  'brokerage',
  'community',
] as const;
export const networkMetrics = [
  'density',
  'components',
  'bridges',
  'articulationPoints',
  'modularity',
  'eiIndex',
  'assortativity',
  'communities',
] as const;
export type ActorMetric = (typeof actorMetrics)[number];
export type NetworkMetric = (typeof networkMetrics)[number];
export type MetricName = ActorMetric | NetworkMetric;

export interface ActorMeasures {
  id: string;
  degree?: number;
  betweenness?: number;
  closeness?: number;
  harmonic?: number;
  eigenvector?: number;
  pagerank?: number;
  constraint?: number | null;
  effectiveSize?: number | null;
  clustering?: number;
  brokerage?: BrokerageRoles;
  /** Louvain community (0-based) of the actor. */
  community?: number;
}

export interface CommunitySummary {
  count: number;
  seed: number;
  modularity: number;
  /** Agreement with the declared groups over the actors that have one; null without groups. */
  agreementWithGroups: { ari: number; nmi: number } | null;
}

export interface NetworkMeasures {
  nodes: number;
  edges: number;
  directed: boolean;
  weighted: boolean;
  density?: number;
  components?: number;
  bridges?: [string, string][];
  articulationPoints?: string[];
  modularity?: number;
  eiIndex?: number | null;
  assortativity?: number | null;
  communities?: CommunitySummary;
}

export interface NetworkReport {
  graph: NetworkMeasures;
  nodes: ActorMeasures[];
}

export interface AnalyzeOptions {
  /** Measures to compute; all when absent. Group measures are skipped when no actor has a group. */
  metrics?: readonly string[];
  /** Betweenness computed elsewhere (e.g. on worker threads), already normalised. */
  betweenness?: Float64Array;
  /** Closeness and harmonic closeness computed elsewhere (with betweenness, in one pass: PathMeasures). */
  closeness?: Float64Array;
  harmonic?: Float64Array;
  communitySeed?: number;
}

/** Checks measure names, so a typo fails with a coded error rather than silently computing nothing. */
export function parseMetrics(names: readonly string[]): MetricName[] {
  const known = new Set<string>([...actorMetrics, ...networkMetrics]);
  for (const name of names) {
    if (!known.has(name)) {
      throw new TrackTwoError('TT_ERR_NETWORK_UNKNOWN_METRIC', {
        field: 'metrics',
        reason: `"${name}"; known: ${[...known].join(', ')}`,
      });
    }
  }
  return names as MetricName[];
}

/** All the measures of a network in the layout `tracktwo network analyze --format json` prints. */
export function analyzeNetwork(network: Network, options: AnalyzeOptions = {}): NetworkReport {
  const wanted = new Set<string>(
    options.metrics ? parseMetrics(options.metrics) : [...actorMetrics, ...networkMetrics],
  );
  const grouped = hasGroups(network);
  const want = (name: MetricName) => wanted.has(name);
  const { ids } = network;
  const nodes: ActorMeasures[] = ids.map((id) => ({ id }));
  const put = (name: keyof ActorMeasures, values: ArrayLike<number | null>) => {
    nodes.forEach((node, v) => ((node as unknown as Record<string, unknown>)[name] = values[v]));
  };
  // Betweenness with closeness or harmonic closeness: one search per source gives all three.
  const fused =
    want('betweenness') &&
    !options.betweenness &&
    ((want('closeness') && !options.closeness) || (want('harmonic') && !options.harmonic))
      ? betweennessAndCloseness(network)
      : undefined;
  if (want('degree')) put('degree', degree(network));
  if (want('betweenness'))
    put('betweenness', options.betweenness ?? fused?.betweenness ?? betweenness(network));
  if (want('closeness')) put('closeness', options.closeness ?? fused?.closeness ?? closeness(network));
  if (want('harmonic')) put('harmonic', options.harmonic ?? fused?.harmonic ?? harmonic(network));
  if (want('eigenvector')) put('eigenvector', eigenvector(network));
  if (want('pagerank')) put('pagerank', pagerank(network));
  if (want('constraint') || want('effectiveSize')) {
    const holes = structuralHoles(network);
    if (want('constraint')) put('constraint', holes.constraint);
    if (want('effectiveSize')) put('effectiveSize', holes.effectiveSize);
  }
  if (want('clustering')) put('clustering', clustering(network));
  if (want('brokerage') && grouped) {
    const roles = brokerage(network);
    nodes.forEach((node, v) => (node.brokerage = roles[v]));
  }
  const graph: NetworkMeasures = {
    nodes: ids.length,
    edges: network.tieSources.length,
    directed: network.directed,
    weighted: network.weighted,
  };
  if (want('density')) graph.density = density(network);
  if (want('components')) graph.components = componentLabels(network).count;
  if (want('bridges') || want('articulationPoints')) {
    const cuts = cutPoints(network);
    if (want('bridges')) {
      graph.bridges = cuts.bridges
        .map(([a, b]) => [ids[a], ids[b]].sort(byText) as [string, string])
        .sort((x, y) => byText(x[0], y[0]) || byText(x[1], y[1]));
    }
    if (want('articulationPoints'))
      graph.articulationPoints = cuts.articulationPoints.map((v) => ids[v]).sort(byText);
  }
  if (grouped) {
    if (want('modularity')) graph.modularity = modularity(network, groupLabels(network));
    if (want('eiIndex')) graph.eiIndex = eiIndex(network);
    if (want('assortativity')) graph.assortativity = assortativity(network);
  }
  if (want('communities') || want('community')) {
    const seed = options.communitySeed ?? 42;
    const labels = louvain(network, { seed });
    if (want('community')) put('community', labels);
    if (want('communities')) {
      let count = 0;
      for (const l of labels) count = Math.max(count, l + 1);
      const declared = network.groups.map((g, v) => (g === null ? -1 : v)).filter((v) => v >= 0);
      const groupsOf = groupLabels(network);
      graph.communities = {
        count,
        seed,
        modularity: modularity(network, labels),
        agreementWithGroups: grouped
          ? partitionAgreement(
              declared.map((v) => groupsOf[v]),
              declared.map((v) => labels[v]),
            )
          : null,
      };
    }
  }
  return { graph, nodes };
}

/** The measures that come from shortest paths from every source: one fused pass computes all three. */
export const pathMetrics = ['betweenness', 'closeness', 'harmonic'] as const;

/**
 * Puts measures computed apart (the path measures, on worker threads while this thread did the rest)
 * into a report, each actor's fields in the order analyzeNetwork gives them.
 */
export function addActorMeasures(
  report: NetworkReport,
  measures: Partial<Record<ActorMetric, ArrayLike<number>>>,
): NetworkReport {
  const order = ['id', ...actorMetrics] as const;
  const nodes = report.nodes.map((node, v) => {
    const merged: Record<string, unknown> = {};
    for (const field of order) {
      const extra = field === 'id' ? undefined : measures[field];
      if (extra) merged[field] = extra[v];
      else if (field in node) merged[field] = (node as unknown as Record<string, unknown>)[field];
    }
    return merged as unknown as ActorMeasures;
  });
  return { graph: report.graph, nodes };
}
