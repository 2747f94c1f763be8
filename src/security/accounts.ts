import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { TrackTwoError } from '../domain/errors.js';
import {
  clearMustChangePassword,
  findAccountByEmail,
  findAccountById,
  insertAccount,
  listAccountRows,
  setAccountDisabled,
  setPasswordHash,
  type AccountRow,
} from '../store/repositories/accounts.js';
import {
  addMembership,
  addWorkspaceAdmin,
  initiativePlace,
  removeMembership,
  removeWorkspaceAdmin,
} from '../store/repositories/memberships.js';
import {
  addInstanceAdmin,
  addInvitation,
  deleteInvitationsOfEmail,
  invitationsOfEmail,
  removeInstanceAdmin,
} from '../store/repositories/instance-rights.js';
import { deleteSessionsOfAccount } from '../store/repositories/sessions.js';
import type { Database } from '../store/schema.js';
import type { MembershipRole } from '../store/tables/security.js';
import { requireAccess, requireAdministrator, requireOperator } from './access.js';
import { appendAudit } from './audit.js';
import type { VaultKeys } from './vault.js';
import type { Auth } from './auth.js';
import {
  checkPasswordPolicy,
  decoyPasswordHash,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './passwords.js';
import type { SignInThrottle } from './throttle.js';

/** An account as services and routes show it: never the password hash. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
  disabledAt: string | null;
}

export function publicAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

const emailSchema = z.email().max(254);

/** Emails are compared lower-case and trimmed. Throws TT_ERR_VALIDATION when it is not an email. */
export function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!emailSchema.safeParse(normalised).success) {
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'email', reason: 'not an email address' });
  }
  return normalised;
}

export interface NewAccount {
  email: string;
  displayName: string;
  password: string;
  /** A one-time password (printed on first start): the account must set its own at first sign-in. */
  mustChangePassword?: boolean;
}

/** Creates an account (operator or workspace administrator); the password must meet the policy. */
export async function createAccount(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: NewAccount,
  now: Date = new Date(),
): Promise<Account> {
  await requireAdministrator(trx, auth);
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim();
  if (displayName.length < 1 || displayName.length > 120) {
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'displayName', reason: '1-120 characters' });
  }
  checkPasswordPolicy(input.password, email);
  if (await findAccountByEmail(trx, email))
    throw new TrackTwoError('TT_ERR_ACCOUNT_EXISTS', { field: 'email' });
  const row: AccountRow = {
    id: randomUUID(),
    email,
    display_name: displayName,
    password_hash: await hashPassword(input.password),
    created_at: now.toISOString(),
    disabled_at: null,
    must_change_password: input.mustChangePassword ? 1 : 0,
  };
  await insertAccount(trx, row);
  await appendAudit(
    trx,
    keys,
    auth!,
    { action: 'account.create', recordType: 'account', recordId: row.id },
    now,
  );
  await acceptInvitations(trx, keys, auth!, row.id, email, now);
  return publicAccount(row);
}

/** The roles offered to this address before it had an account become the new account's. */
async function acceptInvitations(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth,
  accountId: string,
  email: string,
  now: Date,
): Promise<void> {
  for (const invitation of await invitationsOfEmail(trx, email)) {
    const place = await initiativePlace(trx, invitation.initiative_id);
    if (!place) continue;
    const membership = {
      account_id: accountId,
      initiative_id: invitation.initiative_id,
      role: invitation.role,
    };
    if (!(await addMembership(trx, membership))) continue;
    await appendAudit(
      trx,
      keys,
      auth,
      {
        action: 'membership.grant',
        recordType: 'membership',
        recordId: `${invitation.initiative_id}/${accountId}/${invitation.role}`,
        workspaceId: place.workspaceId,
      },
      now,
    );
  }
  await deleteInvitationsOfEmail(trx, email);
}

/**
 * Offers a role in an initiative to an e-mail address (its conveners and the workspace administrators).
 * An account of that address gets the role now; otherwise the invitation waits for the account to be
 * made. The caller learns neither which happened nor anything of the account: inviting is no way to find
 * out whether an address has an account here.
 */
export async function inviteToInitiative(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: { email: string; initiativeId: string; role: MembershipRole },
): Promise<void> {
  const grant = await requireAccess(trx, auth, 'members.manage', { initiativeId: input.initiativeId });
  const email = normaliseEmail(input.email);
  const row = await findAccountByEmail(trx, email);
  if (row) {
    await grantMembership(trx, keys, auth, {
      accountId: row.id,
      initiativeId: input.initiativeId,
      role: input.role,
    });
    return;
  }
  const added = await addInvitation(trx, {
    id: randomUUID(),
    email,
    initiative_id: input.initiativeId,
    role: input.role,
    invited_by: auth && !auth.system ? auth.accountId : null,
    created_at: new Date().toISOString(),
  });
  if (added) {
    // The audit row names the initiative and role, not the address (which may be a person's own).
    await appendAudit(trx, keys, auth!, {
      action: 'invitation.create',
      recordType: 'invitation',
      recordId: `${input.initiativeId}/${input.role}`,
      workspaceId: grant.workspaceId,
    });
  }
}

/** Makes an account an instance administrator, or no longer one (the operator only). */
export async function setInstanceAdmin(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: { accountId: string; grant: boolean },
): Promise<boolean> {
  requireOperator(auth);
  await requireAccount(trx, input.accountId);
  const changed = input.grant
    ? await addInstanceAdmin(trx, input.accountId, new Date().toISOString())
    : await removeInstanceAdmin(trx, input.accountId);
  if (changed) {
    await appendAudit(trx, keys, auth!, {
      action: input.grant ? 'instance_admin.grant' : 'instance_admin.revoke',
      recordType: 'instance_admin',
      recordId: input.accountId,
    });
  }
  return changed;
}

/**
 * Checks an email and password. Refused at once (429) while the throttle says wait; a wrong email costs
 * as long as a wrong password; a disabled account gets the same answer as a wrong password.
 */
export async function verifyCredentials(
  trx: Kysely<Database>,
  throttle: SignInThrottle,
  input: { email: string; password: string; address?: string },
): Promise<Account> {
  const email = input.email.trim().toLowerCase();
  throttle.check(email, input.address);
  const row = email.length <= 254 ? await findAccountByEmail(trx, email) : undefined;
  const valid =
    input.password.length <= 1024 &&
    (await verifyPassword(input.password, row?.password_hash ?? (await decoyPasswordHash())));
  if (!row || !valid || row.disabled_at) {
    throttle.recordFailure(email, input.address);
    throw new TrackTwoError('TT_ERR_BAD_CREDENTIALS');
  }
  throttle.recordSuccess(email, input.address);
  if (needsRehash(row.password_hash)) await setPasswordHash(trx, row.id, await hashPassword(input.password));
  return publicAccount(row);
}

/**
 * Changes one's own password (the current one is required); ends every other session and token. Wrong
 * guesses of the current password go through the sign-in throttle under the account and the caller's
 * address, so a stolen session cannot try passwords without limit.
 */
export async function changePassword(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: { currentPassword: string; newPassword: string; throttle: SignInThrottle; address?: string },
): Promise<void> {
  if (!auth || auth.system) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  const row = await findAccountById(trx, auth.accountId);
  if (!row || row.disabled_at) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  input.throttle.check(row.email, input.address);
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
    input.throttle.recordFailure(row.email, input.address);
    throw new TrackTwoError('TT_ERR_BAD_CREDENTIALS', { field: 'currentPassword' });
  }
  input.throttle.recordSuccess(row.email, input.address);
  checkPasswordPolicy(input.newPassword, row.email);
  await setPasswordHash(trx, row.id, await hashPassword(input.newPassword));
  await clearMustChangePassword(trx, row.id);
  await deleteSessionsOfAccount(trx, row.id);
  await appendAudit(trx, keys, auth, { action: 'account.password', recordType: 'account', recordId: row.id });
}

/** Sets a new password as the operator (account recovery on the command line); ends its sessions. */
export async function resetPassword(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: { accountId: string; newPassword: string },
): Promise<void> {
  if (!auth?.system)
    throw new TrackTwoError('TT_ERR_FORBIDDEN', { reason: 'only the operator resets passwords' });
  const row = await findAccountById(trx, input.accountId);
  if (!row) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'account' });
  checkPasswordPolicy(input.newPassword, row.email);
  await setPasswordHash(trx, row.id, await hashPassword(input.newPassword));
  await deleteSessionsOfAccount(trx, row.id);
  await appendAudit(trx, keys, auth, { action: 'account.password', recordType: 'account', recordId: row.id });
}

/** Disables (or re-enables) an account; disabling ends its sessions and tokens at once. */
export async function setAccountEnabled(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  accountId: string,
  enabled: boolean,
): Promise<Account> {
  await requireAdministrator(trx, auth);
  if (!enabled && !auth!.system && auth!.accountId === accountId) {
    throw new TrackTwoError('TT_ERR_FORBIDDEN', { reason: 'you cannot disable your own account' });
  }
  const now = new Date().toISOString();
  if ((await setAccountDisabled(trx, accountId, enabled ? null : now)) === 0) {
    throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'account' });
  }
  if (!enabled) await deleteSessionsOfAccount(trx, accountId);
  await appendAudit(trx, keys, auth!, {
    action: enabled ? 'account.enable' : 'account.disable',
    recordType: 'account',
    recordId: accountId,
  });
  return publicAccount((await findAccountById(trx, accountId))!);
}

export async function listAccounts(trx: Kysely<Database>, auth: Auth | null | undefined): Promise<Account[]> {
  await requireAdministrator(trx, auth);
  return (await listAccountRows(trx)).map(publicAccount);
}

/** Finds an account by email for the operator's command line and for administrators adding members. */
export async function findAccount(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
  email: string,
): Promise<Account> {
  await requireAdministrator(trx, auth);
  const row = await findAccountByEmail(trx, normaliseEmail(email));
  if (!row) throw new TrackTwoError('TT_ERR_NOT_FOUND', { field: 'email', reason: 'no such account' });
  return publicAccount(row);
}

export interface MembershipChange {
  accountId: string;
  initiativeId: string;
  role: MembershipRole;
}

async function requireAccount(trx: Kysely<Database>, accountId: string): Promise<void> {
  if (!(await findAccountById(trx, accountId)))
    throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'account' });
}

/** Gives an account a role in an initiative (its conveners and the workspace administrators). */
export async function grantMembership(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  change: MembershipChange,
): Promise<boolean> {
  const grant = await requireAccess(trx, auth, 'members.manage', { initiativeId: change.initiativeId });
  await requireAccount(trx, change.accountId);
  const added = await addMembership(trx, {
    account_id: change.accountId,
    initiative_id: change.initiativeId,
    role: change.role,
  });
  if (added) {
    await appendAudit(trx, keys, auth!, {
      action: 'membership.grant',
      recordType: 'membership',
      recordId: `${change.initiativeId}/${change.accountId}/${change.role}`,
      workspaceId: grant.workspaceId,
    });
  }
  return added;
}

export async function revokeMembership(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  change: MembershipChange,
): Promise<boolean> {
  const grant = await requireAccess(trx, auth, 'members.manage', { initiativeId: change.initiativeId });
  const removed = await removeMembership(trx, {
    account_id: change.accountId,
    initiative_id: change.initiativeId,
    role: change.role,
  });
  if (removed) {
    await appendAudit(trx, keys, auth!, {
      action: 'membership.revoke',
      recordType: 'membership',
      recordId: `${change.initiativeId}/${change.accountId}/${change.role}`,
      workspaceId: grant.workspaceId,
    });
  }
  return removed;
}

/** Makes an account an administrator of a workspace (its administrators, or the operator). */
export async function grantWorkspaceAdmin(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: { workspaceId: string; accountId: string },
): Promise<boolean> {
  await requireAccess(trx, auth, 'workspace.manage', { workspaceId: input.workspaceId });
  await requireAccount(trx, input.accountId);
  const added = await addWorkspaceAdmin(trx, input.workspaceId, input.accountId);
  if (added) {
    await appendAudit(trx, keys, auth!, {
      action: 'admin.grant',
      recordType: 'workspace_admin',
      recordId: `${input.workspaceId}/${input.accountId}`,
      workspaceId: input.workspaceId,
    });
  }
  return added;
}

export async function revokeWorkspaceAdmin(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: { workspaceId: string; accountId: string },
): Promise<boolean> {
  await requireAccess(trx, auth, 'workspace.manage', { workspaceId: input.workspaceId });
  const removed = await removeWorkspaceAdmin(trx, input.workspaceId, input.accountId);
  if (removed) {
    await appendAudit(trx, keys, auth!, {
      action: 'admin.revoke',
      recordType: 'workspace_admin',
      recordId: `${input.workspaceId}/${input.accountId}`,
      workspaceId: input.workspaceId,
    });
  }
  return removed;
}
