import { encodeGraphColumns, type NetworkGraphColumns } from '../../domain/network-graph-columns.js';
import { seedLayout } from '../../network/seed-layout.js';
import type { ServiceContext } from '../context.js';
import { defaultMapMetrics, measuresOf, type ComputeOptions } from './analysis.js';
import { actorNames, loadActorMap, selectionSummary, type NetworkAnswer } from './map.js';
import type { GraphQuery } from './options.js';

/**
 * The map for the browser as columns (src/domain/network-graph-columns.ts): every actor with side,
 * community, degree, betweenness and PageRank and a first position that keeps sides and communities
 * apart, and the ties that pass the filter as pairs of positions. Measures come from the measure cache;
 * names (for a caller who may see them) are read per request. The legend is the `names` column, so the
 * answer's `actors` is empty.
 */
export async function conflictNetworkColumns(
  ctx: ServiceContext,
  conflictId: string,
  query: GraphQuery,
  options: ComputeOptions = {},
): Promise<NetworkAnswer<NetworkGraphColumns>> {
  const map = await loadActorMap(ctx, conflictId, query);
  const report = await measuresOf(map, { ...query, metrics: [...defaultMapMetrics] }, options);
  const groups = map.divide?.groups ?? [];
  const sideOf = new Map(groups.map((group, i) => [group.name, i]));
  const sides = map.input.nodes.map((node) => (node.group ? (sideOf.get(node.group) ?? -1) : -1));
  const communities = report.nodes.map((node) => node.community ?? -1);
  const degrees = report.nodes.map((node) => node.degree ?? 0);
  const layout = seedLayout({ sides, communities, weights: degrees });
  const readable = map.actors.filter((actor) => actor.erased_at === null).map((actor) => actor.id);
  const names = await actorNames(ctx, map, readable);
  const groupName = (v: number) => (sides[v] >= 0 ? groups[sides[v]].name : null);
  const positionOf = new Map(map.actors.map((actor, v) => [actor.id, v]));
  const columns = encodeGraphColumns({
    version: map.version,
    groups: groups.map(({ name, color }) => ({ name, color })),
    withNames: map.showNames,
    nodes: map.actors.map((actor, v) => ({
      id: actor.pseudonym,
      actorId: actor.id,
      name: names.get(actor.id) ?? null,
      group: groupName(v),
      color: null,
      track: actor.track,
      community: communities[v],
      degree: degrees[v],
      betweenness: report.nodes[v].betweenness ?? 0,
      pagerank: report.nodes[v].pagerank ?? 0,
      x: layout.x[v],
      y: layout.y[v],
    })),
    ties: map.ties.map((tie) => {
      const [s, t] = [positionOf.get(tie.source_actor_id)!, positionOf.get(tie.target_actor_id)!];
      return {
        source: map.actors[s].pseudonym,
        target: map.actors[t].pseudonym,
        kind: tie.kind,
        strength: tie.strength,
        directed: tie.directed,
        across: sides[s] >= 0 && sides[t] >= 0 && sides[s] !== sides[t],
      };
    }),
  });
  return { network: selectionSummary(map), result: columns, actors: {} };
}
