import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { AccountsTable } from '../tables/security.js';

export type AccountRow = Selectable<AccountsTable>;

export async function insertAccount(db: Kysely<Database>, row: AccountRow): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export function findAccountById(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** `email` must already be lower-case (accounts store it so). */
export function findAccountByEmail(db: Kysely<Database>, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

export function listAccountRows(db: Kysely<Database>): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().orderBy('email').execute();
}

export async function setPasswordHash(db: Kysely<Database>, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function setAccountDisabled(
  db: Kysely<Database>,
  id: string,
  disabledAt: string | null,
): Promise<number> {
  const result = await db
    .updateTable('accounts')
    .set({ disabled_at: disabledAt })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The account has set its own password: the one-time one it was given no longer binds it. */
export async function clearMustChangePassword(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('accounts').set({ must_change_password: 0 }).where('id', '=', id).execute();
}
