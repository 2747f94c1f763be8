import { formatKumuConnections, formatKumuElements } from '../interchange/kumu.js';
import { requireAccess } from '../security/access.js';
import { appendAudit } from '../security/audit.js';
import { getIdentity } from '../security/vault.js';
import { inTransaction, type ServiceContext } from './context.js';
import { actorLabels, readActorMap } from './export-actor-map.js';

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
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'actors.read', { conflictId });
    const withNames = options.withNames === true;
    if (withNames) await requireAccess(trx, ctx.auth, 'actors.names', { conflictId });
    const { conflict, actors, ties } = await readActorMap(trx, ctx.auth, grant.workspaceId, conflictId);
    const labels = await actorLabels(trx, ctx.keys, grant.workspaceId, actors, withNames);
    const groupNames = new Map(conflict.divides.flatMap((d) => d.groups.map((g) => [g.id, g.name] as const)));
    const divideNames = new Map(conflict.divides.map((d) => [d.id, d.name]));
    const elements = [];
    for (const actor of actors) {
      const notes =
        withNames && !actor.erased_at
          ? ((await getIdentity(trx, ctx.keys, grant.workspaceId, actor.id))?.notes ?? '')
          : '';
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
    await appendAudit(trx, ctx.auth!, {
      action: withNames ? 'export.kumu_names' : 'export.kumu',
      recordType: 'conflict',
      recordId: conflictId,
      workspaceId: grant.workspaceId,
    });
    return {
      elements: formatKumuElements(
        elements,
        conflict.divides.map((d) => d.name),
      ),
      connections: formatKumuConnections(connections),
    };
  });
}
