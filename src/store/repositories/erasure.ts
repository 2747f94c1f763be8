import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { nowIso } from '../ids.js';

/**
 * The actors an initiative's records name: its conveners and facilitators (initiative_actors), its
 * meetings' attendees and its dialogues' participants linked to an actor.
 */
export async function actorsNamedByInitiative(db: Kysely<Database>, initiativeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('initiative_actors')
    .select('actor_id')
    .where('initiative_id', '=', initiativeId)
    .union(
      db
        .selectFrom('attendances')
        .innerJoin('meetings', 'meetings.id', 'attendances.meeting_id')
        .select('attendances.actor_id')
        .where('meetings.initiative_id', '=', initiativeId),
    )
    .union(
      db
        .selectFrom('dialogue_participants')
        .innerJoin('dialogues', 'dialogues.id', 'dialogue_participants.dialogue_id')
        .select((eb) => eb.ref('dialogue_participants.actor_id').$notNull().as('actor_id'))
        .where('dialogues.initiative_id', '=', initiativeId)
        .where('dialogue_participants.actor_id', 'is not', null),
    )
    .execute();
  return [...new Set(rows.map((row) => row.actor_id))].sort();
}

/** Deletes the attendance lists of the initiative's meetings; returns how many rows went. */
export async function deleteAttendancesOfInitiative(
  db: Kysely<Database>,
  initiativeId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('attendances')
    .where(
      'meeting_id',
      'in',
      db.selectFrom('meetings').select('id').where('initiative_id', '=', initiativeId),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Cuts the initiative's dialogue participants loose from the accounts and actors they were. */
export async function unlinkDialogueParticipants(db: Kysely<Database>, initiativeId: string): Promise<void> {
  await db
    .updateTable('dialogue_participants')
    .set({ account_id: null, actor_id: null })
    .where(
      'dialogue_id',
      'in',
      db.selectFrom('dialogues').select('id').where('initiative_id', '=', initiativeId),
    )
    .execute();
}

/** Deletes every identity, name token and the key of a workspace: nothing of its vault stays readable. */
export async function deleteWorkspaceVault(db: Kysely<Database>, workspaceId: string): Promise<number> {
  await db.deleteFrom('actor_name_index').where('workspace_id', '=', workspaceId).execute();
  const identities = await db
    .deleteFrom('actor_identities')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  await db.deleteFrom('workspace_keys').where('workspace_id', '=', workspaceId).execute();
  return Number(identities.numDeletedRows);
}

/** Marks every actor of the workspace erased (their records stay as pseudonyms). */
export async function markWorkspaceActorsErased(db: Kysely<Database>, workspaceId: string): Promise<void> {
  const at = nowIso();
  await db
    .updateTable('actors')
    .set({ erased_at: at, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('erased_at', 'is', null)
    .execute();
}

/** Deletes an initiative's invitation links (they hold the addresses of people invited). */
export async function deleteInvitationLinksOfInitiative(
  db: Kysely<Database>,
  initiativeId: string,
): Promise<void> {
  await db.deleteFrom('invitation_links').where('initiative_id', '=', initiativeId).execute();
}
