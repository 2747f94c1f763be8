import { TrackTwoError } from '../../domain/errors.js';
import {
  createAccount,
  findAccount,
  grantMembership,
  grantWorkspaceAdmin,
  listAccounts,
  normaliseEmail,
  resetPassword,
  revokeMembership,
  revokeWorkspaceAdmin,
  setAccountEnabled,
  setInstanceAdmin,
  type Account,
} from '../../security/accounts.js';
import { authenticate, createApiToken, listApiTokens, revokeApiToken } from '../../security/sessions.js';
import type { Auth } from '../../security/auth.js';
import type { IssuedToken, TokenInfo, TokenScope } from '../../security/sessions.js';
import { findAccountByEmail } from '../../store/repositories/accounts.js';
import { holdingsOfAllAccounts } from '../../store/repositories/memberships.js';
import type { MembershipRole } from '../../store/tables/security.js';
import { requireAdministrator, requireOperator } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/**
 * Account administration: the operator's command line and workspace administrators. Each use case opens
 * with its gate and runs in one transaction; the mechanisms (security/accounts.ts, sessions.ts) audit.
 */

export function createAccountWith(
  ctx: ServiceContext,
  input: {
    email: string;
    displayName: string;
    password: string;
    adminOf?: string;
    mustChangePassword?: boolean;
  },
): Promise<Account> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const { adminOf, ...account } = input;
    const created = await createAccount(trx, ctx.keys, ctx.auth, account);
    if (adminOf)
      await grantWorkspaceAdmin(trx, ctx.keys, ctx.auth, { workspaceId: adminOf, accountId: created.id });
    return created;
  });
}

export interface AccountListed extends Account {
  adminOf: string[];
  roles: { initiativeId: string; role: MembershipRole }[];
}

/** Every account with what it administers and the roles it holds: two queries, not some per account. */
export function listAccountsWithHoldings(ctx: ServiceContext): Promise<AccountListed[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const accounts = await listAccounts(trx, ctx.auth);
    const listed = new Map<string, AccountListed>(
      accounts.map((account) => [account.id, { ...account, adminOf: [], roles: [] }]),
    );
    for (const holding of await holdingsOfAllAccounts(trx)) {
      const account = listed.get(holding.accountId);
      if (!account) continue;
      if (holding.role === null) account.adminOf.push(holding.scopeId);
      else account.roles.push({ initiativeId: holding.scopeId, role: holding.role });
    }
    return [...listed.values()];
  });
}

export type AccessTarget = { admin: string } | { initiative: string; role: MembershipRole };

/** Grants or revokes a role in an initiative, or workspace administration; returns whether it changed. */
export function changeAccountAccess(
  ctx: ServiceContext,
  change: { email: string; grant: boolean; target: AccessTarget },
): Promise<boolean> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const account = await findAccount(trx, ctx.auth, change.email);
    const { target } = change;
    if ('admin' in target) {
      const input = { workspaceId: target.admin, accountId: account.id };
      return change.grant
        ? grantWorkspaceAdmin(trx, ctx.keys, ctx.auth, input)
        : revokeWorkspaceAdmin(trx, ctx.keys, ctx.auth, input);
    }
    const membership = { accountId: account.id, initiativeId: target.initiative, role: target.role };
    return change.grant
      ? grantMembership(trx, ctx.keys, ctx.auth, membership)
      : revokeMembership(trx, ctx.keys, ctx.auth, membership);
  });
}

export function issueAccountToken(
  ctx: ServiceContext,
  input: { email: string; name: string; ttlDays?: number; scopes?: readonly TokenScope[] },
): Promise<{ account: Account; issued: IssuedToken }> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const account = await findAccount(trx, ctx.auth, input.email);
    const issued = await createApiToken(trx, ctx.keys, ctx.auth, {
      accountId: account.id,
      name: input.name,
      ttlDays: input.ttlDays,
      scopes: input.scopes,
    });
    return { account, issued };
  });
}

export function listAccountTokens(
  ctx: ServiceContext,
  email: string,
): Promise<{ account: Account; tokens: TokenInfo[] }> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const account = await findAccount(trx, ctx.auth, email);
    return { account, tokens: await listApiTokens(trx, ctx.auth, account.id) };
  });
}

/** Revokes an account's token by name; TT_ERR_NOT_FOUND (on `field`) when it has none of that name. */
export function revokeAccountToken(
  ctx: ServiceContext,
  input: { email: string; name: string; field?: string },
): Promise<Account> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const account = await findAccount(trx, ctx.auth, input.email);
    if (!(await revokeApiToken(trx, ctx.keys, ctx.auth, { accountId: account.id, name: input.name }))) {
      throw new TrackTwoError('TT_ERR_NOT_FOUND', {
        field: input.field ?? 'name',
        reason: `no token named "${input.name}"`,
      });
    }
    return account;
  });
}

export function setAccountEnabledByEmail(
  ctx: ServiceContext,
  email: string,
  enabled: boolean,
): Promise<Account> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const account = await findAccount(trx, ctx.auth, email);
    return setAccountEnabled(trx, ctx.keys, ctx.auth, account.id, enabled);
  });
}

/** Makes an account an instance administrator (it may open workspaces and make accounts), or not. */
export function setInstanceAdminByEmail(
  ctx: ServiceContext,
  email: string,
  grant: boolean,
): Promise<boolean> {
  return inTransaction(ctx, async (trx) => {
    requireOperator(ctx.auth);
    const account = await findAccount(trx, ctx.auth, email);
    return setInstanceAdmin(trx, ctx.keys, ctx.auth, { accountId: account.id, grant });
  });
}

/** Account recovery: only the operator sets another account's password. */
export function resetAccountPassword(ctx: ServiceContext, email: string, newPassword: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    requireOperator(ctx.auth);
    const account = await findAccount(trx, ctx.auth, email);
    await resetPassword(trx, ctx.keys, ctx.auth, { accountId: account.id, newPassword });
  });
}

/**
 * Who a command-line user acts as: the account of a bearer token (checked as an API request checks it),
 * or, for the operator who holds the database, the live account of an email. TT_ERR_UNAUTHENTICATED
 * otherwise, naming where the answer came from.
 */
export async function actingAccount(
  ctx: ServiceContext,
  who: { token: string } | { email: string },
): Promise<Auth> {
  if ('token' in who) {
    const session = await authenticate(ctx.db, who.token, 'token');
    if (!session) {
      throw new TrackTwoError('TT_ERR_UNAUTHENTICATED', {
        reason: 'TRACKTWO_TOKEN is not a valid token on this database (expired, revoked or mistyped)',
      });
    }
    return { accountId: session.accountId };
  }
  requireOperator(ctx.auth);
  const row = await findAccountByEmail(ctx.db, normaliseEmail(who.email));
  if (!row || row.disabled_at) {
    throw new TrackTwoError('TT_ERR_UNAUTHENTICATED', {
      field: '--as',
      reason: 'no active account with that email on this database',
    });
  }
  return { accountId: row.id };
}
