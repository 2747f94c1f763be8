import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { InvitationLinksTable } from '../tables/invitation-links.js';

export type InvitationLinkRow = InvitationLinksTable;

export async function insertInvitationLink(db: Kysely<Database>, row: InvitationLinkRow): Promise<void> {
  await db.insertInto('invitation_links').values(row).execute();
}

export function invitationLinkByHash(
  db: Kysely<Database>,
  hash: string,
): Promise<InvitationLinkRow | undefined> {
  return db
    .selectFrom('invitation_links')
    .selectAll()
    .where('code_hash', '=', hash)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function invitationLinkById(db: Kysely<Database>, id: string): Promise<InvitationLinkRow | undefined> {
  return db.selectFrom('invitation_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An initiative's invitation links, newest first. */
export function invitationLinksOf(db: Kysely<Database>, initiativeId: string): Promise<InvitationLinkRow[]> {
  return db
    .selectFrom('invitation_links')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function revokeInvitationLink(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .updateTable('invitation_links')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('accepted_at', 'is', null)
    .execute();
}

/** Takes the link for an account; false when somebody took it first, or it was withdrawn meanwhile. */
export async function claimInvitationLink(
  db: Kysely<Database>,
  id: string,
  accountId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('invitation_links')
    .set({ accepted_at: at, accepted_by: accountId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
