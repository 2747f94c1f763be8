import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import { eraseIdentity } from '../../security/vault.js';
import { engineOf } from '../../store/engine/index.js';
import * as repo from '../../store/repositories/erasure.js';
import { markActorErased } from '../../store/repositories/actors.js';
import { getInitiative } from '../../store/repositories/initiatives.js';
import { getWorkspace } from '../../store/repositories/workspaces.js';
import type { Database } from '../../store/schema.js';
import { audit, must, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/**
 * Emergency erasure: the day a facilitator is detained, a workspace administrator crypto-shreds a whole
 * initiative or workspace in one act. Identities go with their data keys (or the workspace key), so not
 * even the master key brings them back; the engine then drops the deleted rows' old copies. The audit
 * row names the initiative or workspace id only.
 */

export interface ErasureReport {
  /** Identities destroyed. */
  identities_erased: number;
  /** Attendance rows deleted (initiative erasure). */
  attendances_deleted: number;
}

// Tables whose deleted rows must not survive in the engine's free space or log.
const PURGED = [
  'actor_identities',
  'actor_name_index',
  'workspace_keys',
  'attendances',
  'dialogue_participants',
  'invitation_links',
] as const;

/** The typed confirmation: the record's name, exactly (surrounding spaces aside). */
function confirmName(given: string, name: string, what: string): void {
  if (given.trim() !== name.trim()) {
    throw new TrackTwoError('TT_ERR_ERASE_NOT_CONFIRMED', {
      field: 'confirm',
      reason: `type the ${what}'s name exactly as it is written to confirm the erasure`,
    });
  }
}

async function zeroFreedSpace(trx: Kysely<Database>): Promise<void> {
  await engineOf(trx).zeroFreedSpace(trx);
}

/**
 * Erases the identities of every actor the initiative names (conveners, facilitators, attendees, dialogue
 * participants), deletes its attendance lists and invitation links and unlinks its dialogue participants from accounts and
 * actors. Actors also named by other initiatives lose their identity too: it is one identity.
 */
export async function eraseInitiative(
  ctx: ServiceContext,
  initiativeId: string,
  input: { confirm: string },
): Promise<ErasureReport> {
  const report = await inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'workspace.manage', { initiativeId });
    const initiative = must(await getInitiative(trx, initiativeId), 'initiative');
    confirmName(input.confirm, initiative.name, 'initiative');
    await zeroFreedSpace(trx);
    let identities = 0;
    for (const actorId of await repo.actorsNamedByInitiative(trx, initiativeId)) {
      if (await eraseIdentity(trx, grant.workspaceId, actorId)) identities += 1;
      await markActorErased(trx, actorId);
    }
    const attendances = await repo.deleteAttendancesOfInitiative(trx, initiativeId);
    await repo.unlinkDialogueParticipants(trx, initiativeId);
    await repo.deleteInvitationLinksOfInitiative(trx, initiativeId);
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'initiative.emergency_erase',
      'initiative',
      initiativeId,
      grant.workspaceId,
    );
    return { identities_erased: identities, attendances_deleted: attendances };
  });
  await engineOf(ctx.db).purgeDeletedRows(ctx.db, PURGED);
  return report;
}

/** Destroys the workspace key and every identity and name token of the workspace. */
export async function eraseWorkspace(
  ctx: ServiceContext,
  workspaceId: string,
  input: { confirm: string },
): Promise<ErasureReport> {
  const report = await inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.manage', { workspaceId });
    const workspace = must(await getWorkspace(trx, workspaceId), 'workspace');
    confirmName(input.confirm, workspace.name, 'workspace');
    await zeroFreedSpace(trx);
    const identities = await repo.deleteWorkspaceVault(trx, workspaceId);
    await repo.markWorkspaceActorsErased(trx, workspaceId);
    await audit(trx, ctx.keys, ctx.auth, 'workspace.emergency_erase', 'workspace', workspaceId, workspaceId);
    return { identities_erased: identities, attendances_deleted: 0 };
  });
  await engineOf(ctx.db).purgeDeletedRows(ctx.db, PURGED);
  return report;
}
