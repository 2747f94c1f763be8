import { formatKumuConnections, formatKumuElements } from '../../interchange/kumu.js';
import type { ServiceContext } from '../context.js';
import { exportActorMap } from './export-actor-map.js';

export interface KumuExport {
  elements: string;
  connections: string;
}

/**
 * A conflict's actor map in Kumu's layout. Labels are pseudonyms; `withNames` (for those allowed to
 * see names) puts names in the labels and the vault's notes in the descriptions.
 */
export async function exportKumu(
  ctx: ServiceContext,
  conflictId: string,
  options: { withNames?: boolean } = {},
): Promise<KumuExport> {
  const withNames = options.withNames === true;
  return exportActorMap(ctx, conflictId, 'kumu', withNames, (map) => {
    const { conflict, actors, ties, labels, identities, groupNames } = map;
    const divideNames = new Map(conflict.divides.map((d) => [d.id, d.name]));
    const elements = [];
    for (const actor of actors) {
      const notes = identities.get(actor.id)?.notes ?? '';
      elements.push({
        label: labels.get(actor.id) ?? actor.pseudonym,
        pseudonym: actor.pseudonym,
        kind: actor.kind,
        role: actor.role,
        track: actor.track,
        gender: actor.gender,
        region: actor.region,
        groups: Object.fromEntries(
          actor.groups.map((g) => [divideNames.get(g.divide_id) ?? '', groupNames.get(g.group_id) ?? '']),
        ),
        description: notes,
      });
    }
    const connections = ties.map((tie) => ({
      from: labels.get(tie.source_actor_id) ?? '',
      to: labels.get(tie.target_actor_id) ?? '',
      kind: tie.kind,
      directed: tie.directed,
      strength: tie.strength,
      valid_from: tie.valid_from,
      valid_to: tie.valid_to,
      source: tie.source,
      confidence: tie.confidence,
    }));
    return {
      elements: formatKumuElements(
        elements,
        conflict.divides.map((d) => d.name),
      ),
      connections: formatKumuConnections(connections),
    };
  });
}
