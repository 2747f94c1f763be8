import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type {
  PasskeysTable,
  SecondFactorChallengePurpose,
  SecondFactorChallengesTable,
  TotpFactorsTable,
} from '../tables/second-factors.js';

export type TotpFactorRow = Selectable<TotpFactorsTable>;
export type PasskeyRow = Selectable<PasskeysTable>;
export type SecondFactorChallengeRow = Selectable<SecondFactorChallengesTable>;

// --- authenticator app ---------------------------------------------------------------------------

export function findTotpFactor(db: Kysely<Database>, accountId: string): Promise<TotpFactorRow | undefined> {
  return db.selectFrom('totp_factors').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** A new, unconfirmed secret replaces any earlier unconfirmed one. */
export async function putUnconfirmedTotp(db: Kysely<Database>, row: TotpFactorRow): Promise<void> {
  await db.deleteFrom('totp_factors').where('account_id', '=', row.account_id).execute();
  await db.insertInto('totp_factors').values(row).execute();
}

/**
 * Records a code's step as used, only if it is later than the last one (compare-and-set: two requests
 * with the same code cannot both pass). Returns whether this call won.
 */
export async function useTotpStep(
  db: Kysely<Database>,
  accountId: string,
  step: number,
  confirmedAt?: string,
): Promise<boolean> {
  const result = await db
    .updateTable('totp_factors')
    .set({ last_step: step, ...(confirmedAt ? { confirmed_at: confirmedAt } : {}) })
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteTotpFactor(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const result = await db.deleteFrom('totp_factors').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// --- recovery codes ------------------------------------------------------------------------------

export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  accountId: string,
  hashes: readonly string[],
  at: string,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  if (hashes.length === 0) return;
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ account_id: accountId, code_hash, created_at: at, used_at: null })))
    .execute();
}

export async function unusedRecoveryCodeHashes(db: Kysely<Database>, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('recovery_codes')
    .select('code_hash')
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .orderBy('code_hash')
    .execute();
  return rows.map((row) => row.code_hash);
}

/** Marks a code used, only if it was unused (a code works once, even under two requests at a time). */
export async function useRecoveryCode(
  db: Kysely<Database>,
  accountId: string,
  hash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('account_id', '=', accountId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// --- passkeys ------------------------------------------------------------------------------------

export function passkeysOfAccount(db: Kysely<Database>, accountId: string): Promise<PasskeyRow[]> {
  return db
    .selectFrom('passkeys')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findPasskey(db: Kysely<Database>, id: string): Promise<PasskeyRow | undefined> {
  return db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPasskey(db: Kysely<Database>, row: PasskeyRow): Promise<void> {
  await db.insertInto('passkeys').values(row).execute();
}

export async function updatePasskeyUse(
  db: Kysely<Database>,
  id: string,
  counter: number,
  at: string,
): Promise<void> {
  await db.updateTable('passkeys').set({ counter, last_used_at: at }).where('id', '=', id).execute();
}

export async function deletePasskey(db: Kysely<Database>, accountId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// --- everything of one account (the operator's reset) ---------------------------------------------

export async function deleteSecondFactorsOf(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.deleteFrom('totp_factors').where('account_id', '=', accountId).execute();
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  await db.deleteFrom('passkeys').where('account_id', '=', accountId).execute();
  await db.deleteFrom('second_factor_challenges').where('account_id', '=', accountId).execute();
}

/** Whether the account has a working second factor: a confirmed authenticator app or a passkey. */
export async function hasSecondFactor(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const totp = await db
    .selectFrom('totp_factors')
    .select('account_id')
    .where('account_id', '=', accountId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  if (totp) return true;
  const passkey = await db
    .selectFrom('passkeys')
    .select('id')
    .where('account_id', '=', accountId)
    .limit(1)
    .executeTakeFirst();
  return passkey !== undefined;
}

// --- challenges (pending sign-ins, passkey registrations) -----------------------------------------

export async function insertChallenge(db: Kysely<Database>, row: SecondFactorChallengeRow): Promise<void> {
  await db.insertInto('second_factor_challenges').values(row).execute();
}

export function findChallenge(
  db: Kysely<Database>,
  id: string,
  purpose: SecondFactorChallengePurpose,
): Promise<SecondFactorChallengeRow | undefined> {
  return db
    .selectFrom('second_factor_challenges')
    .selectAll()
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

export async function setChallengeValue(db: Kysely<Database>, id: string, challenge: string): Promise<void> {
  await db.updateTable('second_factor_challenges').set({ challenge }).where('id', '=', id).execute();
}

/** Deletes a challenge; returns whether it was there (so only one of two racing requests uses it). */
export async function deleteChallenge(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('second_factor_challenges').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteChallengesOf(
  db: Kysely<Database>,
  accountId: string,
  purpose: SecondFactorChallengePurpose,
): Promise<void> {
  await db
    .deleteFrom('second_factor_challenges')
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .execute();
}

export async function deleteExpiredChallenges(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('second_factor_challenges').where('expires_at', '<=', now).execute();
}

// --- workspace rules -----------------------------------------------------------------------------

export async function secondFactorRequiredIn(db: Kysely<Database>, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('second_factor_rules')
    .select('workspace_id')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setSecondFactorRule(
  db: Kysely<Database>,
  workspaceId: string,
  required: boolean,
  at: string,
): Promise<boolean> {
  const had = await secondFactorRequiredIn(db, workspaceId);
  if (had === required) return false;
  if (required)
    await db
      .insertInto('second_factor_rules')
      .values({ workspace_id: workspaceId, required_at: at })
      .execute();
  else await db.deleteFrom('second_factor_rules').where('workspace_id', '=', workspaceId).execute();
  return true;
}

/** The workspaces that require a second factor, among those given. */
export async function workspacesRequiringSecondFactor(
  db: Kysely<Database>,
  workspaceIds: readonly string[],
): Promise<string[]> {
  if (workspaceIds.length === 0) return [];
  const rows = await db
    .selectFrom('second_factor_rules')
    .select('workspace_id')
    .where('workspace_id', 'in', [...workspaceIds])
    .orderBy('workspace_id')
    .execute();
  return rows.map((row) => row.workspace_id);
}
