import { TrackTwoError, isTrackTwoError } from '../../domain/errors.js';
import { parseKumu, type KumuFile } from '../../interchange/kumu.js';
import { requireAccess } from '../../security/access.js';
import { appendAudit } from '../../security/audit.js';
import { putIdentity } from '../../security/vault.js';
import { createActor, listActors } from '../../store/repositories/actors.js';
import { getConflict } from '../../store/repositories/conflicts.js';
import { createTie } from '../../store/repositories/ties.js';
import { inTransaction, type ServiceContext } from '../context.js';
import type { ProgressListener } from './import-workspace-json.js';

export interface KumuImportResult {
  actors: number;
  ties: number;
  /** Store id of each imported element, by its label. */
  actorIds: Record<string, string>;
}

/** A store error while writing a row is still the row's fault: report it with the row. */
async function atRow<T>(file: KumuFile, row: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isTrackTwoError(error) && error.code !== 'TT_ERR_IMPORT_REJECTED') {
      throw new TrackTwoError('TT_ERR_IMPORT_REJECTED', {
        file,
        row,
        reason: `${file} file: ${error.details?.reason ?? error.message}`,
      });
    }
    throw error;
  }
}

/**
 * Imports Kumu's two CSV files into a conflict, all or nothing: every row is checked before anything
 * is written, and the writes share one transaction, so any error leaves the database as it was.
 * Labels become names in the vault (a label that is the actor's pseudonym is not a name);
 * connections may also name existing actors of the conflict by pseudonym.
 */
export async function importKumu(
  ctx: ServiceContext,
  conflictId: string,
  elementsCsv: string,
  connectionsCsv: string,
  options: { onProgress?: ProgressListener } = {},
): Promise<KumuImportResult> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'actors.write', { conflictId });
    await requireAccess(trx, ctx.auth, 'ties.write', { conflictId });
    const workspaceId = grant.workspaceId;
    const conflict = await getConflict(trx, conflictId);
    if (!conflict) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: `conflict ${conflictId}` });

    const existing = new Map<string, string>();
    const workspacePseudonyms = new Set<string>();
    for (let offset = 0; ; offset += 1000) {
      const page = await listActors(trx, workspaceId, { include_erased: true, limit: 1000, offset });
      for (const actor of page.items) {
        workspacePseudonyms.add(actor.pseudonym);
        if (actor.conflict_id === conflictId) existing.set(actor.pseudonym, actor.id);
      }
      if (page.items.length < 1000) break;
    }
    const { elements, connections } = parseKumu(elementsCsv, connectionsCsv, conflict.divides, {
      labels: new Set(existing.keys()),
      pseudonyms: workspacePseudonyms,
    });

    const total = elements.length + connections.length;
    let done = 0;
    const ids = new Map(existing);
    for (const element of elements) {
      const actor = await atRow('elements', element.row, () =>
        createActor(trx, {
          workspace_id: workspaceId,
          conflict_id: conflictId,
          ...(element.pseudonym ? { pseudonym: element.pseudonym } : {}),
          kind: element.kind,
          role: element.role,
          track: element.track,
          gender: element.gender,
          region: element.region,
          groups: element.groups,
        }),
      );
      ids.set(element.label, actor.id);
      await appendAudit(trx, ctx.keys, ctx.auth!, {
        action: 'actor.create',
        recordType: 'actor',
        recordId: actor.id,
        workspaceId,
      });
      if (element.label !== actor.pseudonym || element.notes !== '') {
        const names = element.label !== actor.pseudonym ? [element.label] : [];
        await atRow('elements', element.row, () =>
          putIdentity(trx, ctx.keys, workspaceId, actor.id, { names, contacts: [], notes: element.notes }),
        );
        await appendAudit(trx, ctx.keys, ctx.auth!, {
          action: 'identity.put',
          recordType: 'actor',
          recordId: actor.id,
          workspaceId,
        });
      }
      options.onProgress?.(++done, total);
    }
    for (const connection of connections) {
      const tie = await atRow('connections', connection.row, () =>
        createTie(trx, {
          workspace_id: workspaceId,
          conflict_id: conflictId,
          source_actor_id: ids.get(connection.from)!,
          target_actor_id: ids.get(connection.to)!,
          kind: connection.kind,
          directed: connection.directed,
          strength: connection.strength,
          valid_from: connection.valid_from,
          valid_to: connection.valid_to,
          source: connection.source,
          confidence: connection.confidence,
        }),
      );
      await appendAudit(trx, ctx.keys, ctx.auth!, {
        action: 'tie.create',
        recordType: 'tie',
        recordId: tie.id,
        workspaceId,
      });
      options.onProgress?.(++done, total);
    }
    await appendAudit(trx, ctx.keys, ctx.auth!, {
      action: 'import.kumu',
      recordType: 'conflict',
      recordId: conflictId,
      workspaceId,
    });
    return {
      actors: elements.length,
      ties: connections.length,
      actorIds: Object.fromEntries(elements.map((e) => [e.label, ids.get(e.label)!])),
    };
  });
}
