import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/actor.js';
import type { Conflict } from '../../domain/conflict.js';
import { TrackTwoError } from '../../domain/errors.js';
import type { Tie } from '../../domain/tie.js';
import { requireAccess } from '../../security/access.js';
import { appendAudit } from '../../security/audit.js';
import type { Auth } from '../../security/auth.js';
import { getIdentities } from '../../security/vault.js';
import type { Identity } from '../../security/identity.js';
import { listActors } from '../../store/repositories/actors.js';
import { getConflict } from '../../store/repositories/conflicts.js';
import { listTies, type MeetingEvidenceFilter } from '../../store/repositories/ties.js';
import type { Database } from '../../store/schema.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { tieEvidenceFor } from '../actors/tie-visibility.js';

const PAGE = 1000;

/**
 * A conflict's whole actor map (every page), for the exports and the network questions, as `reader`
 * may see it: ties that would reveal attendance it may not know are left out (tie-visibility.ts).
 */
export async function readActorMap(
  trx: Kysely<Database>,
  reader: Auth | null,
  workspaceId: string,
  conflictId: string,
  /** The reader's evidence filter when the caller has already worked it out (tieEvidenceFor). */
  known?: { evidence: MeetingEvidenceFilter | undefined },
): Promise<{ conflict: Conflict; actors: Actor[]; ties: Tie[] }> {
  const conflict = await getConflict(trx, conflictId);
  if (!conflict) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: `conflict ${conflictId}` });
  const actors: Actor[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listActors(trx, workspaceId, {
      conflict_id: conflictId,
      include_erased: true,
      limit: PAGE,
      offset,
    });
    actors.push(...page.items);
    if (page.items.length < PAGE) break;
  }
  const evidence = known ? known.evidence : await tieEvidenceFor(trx, reader, workspaceId);
  const ties: Tie[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listTies(trx, workspaceId, { conflict_id: conflictId, limit: PAGE, offset }, evidence);
    ties.push(...page.items);
    if (page.items.length < PAGE) break;
  }
  return { conflict, actors, ties };
}

/**
 * The label each actor is exported under: its pseudonym, or (for a caller allowed to see names who
 * asked for them) its first name from the vault. Labels stay unique, since Kumu joins on them.
 */
export function actorLabels(
  actors: readonly Actor[],
  identities: ReadonlyMap<string, Identity>,
): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const actor of actors) {
    let label = actor.pseudonym;
    const name = actor.erased_at ? undefined : identities.get(actor.id)?.names[0];
    if (name) label = used.has(name) ? `${name} (${actor.pseudonym})` : name;
    used.add(label);
    labels.set(actor.id, label);
  }
  return labels;
}

/** What an export of the actor map writes from: the map, each actor's label, and each group's name. */
export interface LabelledActorMap {
  workspaceId: string;
  conflict: Conflict;
  actors: Actor[];
  ties: Tie[];
  labels: Map<string, string>;
  /** The vault's identities by actor id: read once, and only for an export with names. */
  identities: Map<string, Identity>;
  groupNames: Map<string, string>;
}

/**
 * One export of a conflict's actor map (Kumu, GraphML, GEXF): checks that the caller may read the
 * actors (and their names, when asked for), reads the map, lets `write` lay it out, and writes the
 * audit row `export.<format>` or `export.<format>_names`, all in one transaction.
 */
export function exportActorMap<T>(
  ctx: ServiceContext,
  conflictId: string,
  format: string,
  withNames: boolean,
  write: (map: LabelledActorMap, trx: Kysely<Database>) => T | Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'actors.read', { conflictId });
    if (withNames) await requireAccess(trx, ctx.auth, 'actors.names', { conflictId });
    const { workspaceId } = grant;
    const { conflict, actors, ties } = await readActorMap(trx, ctx.auth, workspaceId, conflictId);
    const identities = withNames
      ? await getIdentities(
          trx,
          ctx.keys,
          workspaceId,
          actors.filter((actor) => !actor.erased_at).map((actor) => actor.id),
        )
      : new Map<string, Identity>();
    const labels = actorLabels(actors, identities);
    const groupNames = new Map(conflict.divides.flatMap((d) => d.groups.map((g) => [g.id, g.name] as const)));
    const written = await write({ workspaceId, conflict, actors, ties, labels, identities, groupNames }, trx);
    await appendAudit(trx, ctx.keys, ctx.auth!, {
      action: withNames ? `export.${format}_names` : `export.${format}`,
      recordType: 'conflict',
      recordId: conflictId,
      workspaceId,
    });
    return written;
  });
}
