import { formatGexf } from '../../interchange/gexf.js';
import { formatGraphml } from '../../interchange/graphml.js';
import type { ActorMapExport } from '../../interchange/graphml-actor-map.js';
import type { ServiceContext } from '../context.js';
import { exportActorMap } from './export-actor-map.js';

export type GraphFormat = 'graphml' | 'gexf';

/**
 * A conflict's actor map as GraphML or GEXF, for Gephi, yEd, Cytoscape and the like. Nodes are
 * pseudonyms; `withNames` labels them with names for those allowed to see names.
 */
export async function exportGraph(
  ctx: ServiceContext,
  conflictId: string,
  format: GraphFormat,
  options: { withNames?: boolean } = {},
): Promise<string> {
  const withNames = options.withNames === true;
  return exportActorMap(
    ctx,
    conflictId,
    format,
    withNames,
    ({ conflict, actors, ties, labels, groupNames }) => {
      const pseudonyms = new Map(actors.map((a) => [a.id, a.pseudonym]));
      const map: ActorMapExport = {
        title: conflict.name,
        nodeAttributes: [
          { name: 'pseudonym', type: 'string' },
          { name: 'kind', type: 'string' },
          { name: 'role', type: 'string' },
          { name: 'track', type: 'string' },
          { name: 'gender', type: 'string' },
          ...conflict.divides.map((d) => ({ name: d.name, type: 'string' as const })),
        ],
        edgeAttributes: [
          { name: 'kind', type: 'string' },
          { name: 'strength', type: 'int' },
          { name: 'valid_from', type: 'string' },
          { name: 'valid_to', type: 'string' },
          { name: 'source', type: 'string' },
          { name: 'confidence', type: 'double' },
        ],
        nodes: actors.map((actor) => ({
          id: actor.pseudonym,
          label: labels.get(actor.id) ?? actor.pseudonym,
          attributes: {
            pseudonym: actor.pseudonym,
            kind: actor.kind,
            role: actor.role,
            track: actor.track,
            gender: actor.gender,
            ...Object.fromEntries(
              conflict.divides.map((d) => {
                const membership = actor.groups.find((g) => g.divide_id === d.id);
                return [d.name, membership ? (groupNames.get(membership.group_id) ?? null) : null];
              }),
            ),
          },
        })),
        edges: ties.map((tie, index) => ({
          id: `e${index + 1}`,
          source: pseudonyms.get(tie.source_actor_id) ?? '',
          target: pseudonyms.get(tie.target_actor_id) ?? '',
          directed: tie.directed,
          weight: tie.strength,
          attributes: {
            kind: tie.kind,
            strength: tie.strength,
            valid_from: tie.valid_from,
            valid_to: tie.valid_to,
            source: tie.source,
            confidence: tie.confidence,
          },
        })),
      };
      return format === 'graphml' ? formatGraphml(map) : formatGexf(map);
    },
  );
}
