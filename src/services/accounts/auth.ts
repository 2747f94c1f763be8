import { z } from 'zod';
import { TrackTwoError } from '../../domain/errors.js';
import { tokenScopeSchema } from '../../domain/account.js';
import {
  createAccount,
  grantMembership,
  grantWorkspaceAdmin,
  setInstanceAdmin,
  verifyCredentials,
  type Account,
} from '../../security/accounts.js';
import { generatePassword } from '../../security/passwords.js';
import { appendAudit } from '../../security/audit.js';
import { systemAuth, type Auth } from '../../security/auth.js';
import {
  createApiToken,
  createCookieSession,
  endCookieSession,
  listApiTokens,
  revokeApiToken,
  type IssuedToken,
  type TokenInfo,
} from '../../security/sessions.js';
import type { SignInThrottle } from '../../security/throttle.js';
import { lockFirstRun } from '../../store/engine/index.js';
import { findAccountById, listAccountRows } from '../../store/repositories/accounts.js';
import {
  adminWorkspacesOf,
  initiativePlace,
  isWorkspaceAdmin,
  membershipsOfAccount,
} from '../../store/repositories/memberships.js';
import { isInstanceAdmin } from '../../store/repositories/instance-rights.js';
import { idSchema, nameSchema } from '../../domain/scalars.js';
import { initiativeRoleSchema } from '../../domain/vocabulary.js';
import { createWorkspace } from '../../store/repositories/workspaces.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { requireAdministrator, requireSignedIn } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

export const setupSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  display_name: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(256),
  workspace_name: nameSchema.default('My workspace'),
});
export type SetupInput = z.input<typeof setupSchema>;

export const signInSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const tokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  ttl_days: z.number().int().min(1).max(366).optional(),
  /** Omitted: read and write. Never credentials (a token cannot make tokens). */
  scopes: z.array(tokenScopeSchema).min(1).max(2).optional(),
});

/** The gate of the account's own use cases: a live account (the system has no tokens or sessions). */
async function ownAccount(trx: Kysely<Database>, ctx: ServiceContext): Promise<string> {
  const accountId = await requireSignedIn(trx, ctx.auth);
  if (accountId === null) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  return accountId;
}

/** Whether first-run setup is still open: no account exists yet. */
export async function setupOpen(ctx: ServiceContext): Promise<boolean> {
  return (await listAccountRows(ctx.db)).length === 0;
}

/**
 * First run without the demo: the first account becomes administrator of a first, empty workspace. Open
 * only while no account exists, so it cannot be used to take over a running server.
 */
export async function setupFirstAdministrator(
  ctx: ServiceContext,
  input: SetupInput,
): Promise<{ account: Account; workspace: Workspace }> {
  const parsed = setupSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    // Two setups at once must not both find "no account yet": the lock makes them take turns.
    await lockFirstRun(trx);
    if ((await listAccountRows(trx)).length > 0) throw new TrackTwoError('TT_ERR_SETUP_DONE');
    const system = systemAuth('first-run setup');
    const account = await createAccount(trx, ctx.keys, system, {
      email: parsed.email,
      displayName: parsed.display_name,
      password: parsed.password,
    });
    const workspace = await createWorkspace(trx, { name: parsed.workspace_name });
    await appendAudit(trx, ctx.keys, system, {
      action: 'workspace.create',
      recordType: 'workspace',
      recordId: workspace.id,
      workspaceId: workspace.id,
    });
    await grantWorkspaceAdmin(trx, ctx.keys, system, { workspaceId: workspace.id, accountId: account.id });
    // The first account runs the instance: it may open workspaces and make accounts.
    await setInstanceAdmin(trx, ctx.keys, system, { accountId: account.id, grant: true });
    return { account, workspace };
  });
}

export interface SignedIn {
  account: Account;
  /** The cookie value: handed to the browser once, never stored. */
  secret: string;
  expiresAt: string;
}

/** Checks the password (throttled) and opens a browser session. */
export async function signIn(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  input: z.input<typeof signInSchema> & { address?: string },
  ttlMs?: number,
): Promise<SignedIn> {
  const { email, password } = signInSchema.parse({ email: input.email, password: input.password });
  // The failure must be remembered by the throttle, so the password check commits apart from the session.
  const account = await inTransaction(ctx, (trx) =>
    verifyCredentials(trx, throttle, { email, password, address: input.address }),
  );
  const session = await inTransaction(ctx, (trx) =>
    createCookieSession(trx, ctx.keys, account.id, ttlMs === undefined ? {} : { ttlMs }),
  );
  return { account, secret: session.secret, expiresAt: session.expiresAt };
}

export async function signOut(ctx: ServiceContext, secret: string | undefined): Promise<boolean> {
  if (!secret) return false;
  return inTransaction(ctx, (trx) => endCookieSession(trx, ctx.keys, secret));
}

export interface Me {
  account: Account;
  admin_workspaces: string[];
  memberships: { initiative_id: string; workspace_id: string; conflict_id: string; role: string }[];
  must_change_password: boolean;
}

/** Who is signed in, what they administer and where they hold roles: what the browser app needs first. */
export async function describeMe(ctx: ServiceContext): Promise<Me> {
  return inTransaction(ctx, async (trx) => {
    const accountId = await ownAccount(trx, ctx);
    const row = (await findAccountById(trx, accountId))!;
    const memberships = await membershipsOfAccount(trx, accountId);
    return {
      account: {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        createdAt: row.created_at,
        disabledAt: row.disabled_at,
      },
      admin_workspaces: await adminWorkspacesOf(trx, accountId),
      memberships: memberships.map((m) => ({
        initiative_id: m.initiativeId,
        workspace_id: m.workspaceId,
        conflict_id: m.conflictId,
        role: m.role,
      })),
      must_change_password: row.must_change_password === 1,
    };
  });
}

export function createToken(
  ctx: ServiceContext,
  input: z.input<typeof tokenCreateSchema>,
): Promise<IssuedToken> {
  const parsed = tokenCreateSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const accountId = await ownAccount(trx, ctx);
    return createApiToken(trx, ctx.keys, ctx.auth, {
      accountId,
      name: parsed.name,
      ttlDays: parsed.ttl_days,
      scopes: parsed.scopes,
    });
  });
}

export function listTokens(ctx: ServiceContext): Promise<TokenInfo[]> {
  return inTransaction(ctx, async (trx) => listApiTokens(trx, ctx.auth, await ownAccount(trx, ctx)));
}

export async function revokeToken(ctx: ServiceContext, name: string): Promise<void> {
  const revoked = await inTransaction(ctx, async (trx) =>
    revokeApiToken(trx, ctx.keys, ctx.auth, { accountId: await ownAccount(trx, ctx), name }),
  );
  if (!revoked)
    throw new TrackTwoError('TT_ERR_NOT_FOUND', { field: 'name', reason: 'no token of that name' });
}

export type { Auth };

export const accountCreateSchema = z
  .strictObject({
    email: z.string().trim().min(3).max(254),
    display_name: z.string().trim().min(1).max(120),
    /** Omitted: a random password is made and returned once. */
    password: z.string().min(1).max(256).optional(),
    /**
     * The role the new account takes in an initiative of the caller's workspace. Required of a workspace
     * administrator (who makes accounts for the people of their own workspace only); optional for the
     * operator and instance administrators.
     */
    initiative_id: idSchema.optional(),
    role: initiativeRoleSchema.optional(),
  })
  .refine((body) => (body.initiative_id === undefined) === (body.role === undefined), {
    message: 'give initiative_id and role together',
    path: ['role'],
  });

/**
 * An administrator makes an account for a colleague; the password, when generated, is shown once. The
 * operator and instance administrators make any account; a workspace administrator makes accounts for
 * people of a workspace it administers, each with a role in one of its initiatives.
 */
export function createAccountForColleague(
  ctx: ServiceContext,
  input: z.output<typeof accountCreateSchema>,
): Promise<{ account: Account; password?: string }> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const instanceWide = !ctx.auth || ctx.auth.system || (await isInstanceAdmin(trx, ctx.auth.accountId));
    const target = input.initiative_id ? await initiativePlace(trx, input.initiative_id) : undefined;
    if (input.initiative_id && !target) {
      throw new TrackTwoError('TT_ERR_NOT_FOUND', { field: 'initiative_id', reason: 'initiative' });
    }
    if (!instanceWide) {
      const mine = target && (await isWorkspaceAdmin(trx, target.workspaceId, ctx.auth!.accountId!));
      if (!mine) {
        throw new TrackTwoError('TT_ERR_FORBIDDEN', {
          field: 'initiative_id',
          reason:
            'a workspace administrator makes accounts with a role in an initiative of its own workspace',
        });
      }
    }
    const password = input.password ?? generatePassword();
    const account = await createAccount(trx, ctx.keys, ctx.auth, {
      email: input.email,
      displayName: input.display_name,
      password,
      // A generated password is read by the administrator too: its owner sets their own at first sign-in.
      mustChangePassword: input.password === undefined,
    });
    if (input.initiative_id && input.role) {
      await grantMembership(trx, ctx.keys, ctx.auth, {
        accountId: account.id,
        initiativeId: input.initiative_id,
        role: input.role,
      });
    }
    return input.password === undefined ? { account, password } : { account };
  });
}
