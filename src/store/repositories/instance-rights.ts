import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { InvitationsTable, MembershipRole } from '../tables/security.js';

export type InvitationRow = Selectable<InvitationsTable>;

export async function isInstanceAdmin(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('instance_admins')
    .select('account_id')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Returns whether the account was not one already. */
export async function addInstanceAdmin(
  db: Kysely<Database>,
  accountId: string,
  at: string,
): Promise<boolean> {
  if (await isInstanceAdmin(db, accountId)) return false;
  await db.insertInto('instance_admins').values({ account_id: accountId, granted_at: at }).execute();
  return true;
}

export async function removeInstanceAdmin(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('instance_admins')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function listInstanceAdminIds(db: Kysely<Database>): Promise<string[]> {
  return db
    .selectFrom('instance_admins')
    .select('account_id')
    .orderBy('account_id')
    .execute()
    .then((rows) => rows.map((row) => row.account_id));
}

/** Records an invitation unless the same one waits already; returns whether one was added. */
export async function addInvitation(db: Kysely<Database>, row: InvitationRow): Promise<boolean> {
  const same = await db
    .selectFrom('invitations')
    .select('id')
    .where('email', '=', row.email)
    .where('initiative_id', '=', row.initiative_id)
    .where('role', '=', row.role)
    .executeTakeFirst();
  if (same) return false;
  await db.insertInto('invitations').values(row).execute();
  return true;
}

export function invitationsOfEmail(db: Kysely<Database>, email: string): Promise<InvitationRow[]> {
  return db.selectFrom('invitations').selectAll().where('email', '=', email).orderBy('created_at').execute();
}

export function invitationsOfInitiative(
  db: Kysely<Database>,
  initiativeId: string,
): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .orderBy('email')
    .execute();
}

export async function deleteInvitation(
  db: Kysely<Database>,
  where: { email: string; initiativeId: string; role: MembershipRole },
): Promise<boolean> {
  const result = await db
    .deleteFrom('invitations')
    .where('email', '=', where.email)
    .where('initiative_id', '=', where.initiativeId)
    .where('role', '=', where.role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteInvitationsOfEmail(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('invitations').where('email', '=', email).execute();
}
