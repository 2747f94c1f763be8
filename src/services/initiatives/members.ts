import { z } from 'zod';
import { TrackTwoError } from '../../domain/errors.js';
import type { Member } from '../../domain/member.js';
import type { Page, PageOf } from '../../domain/scalars.js';
import { initiativeRoleSchema, type InitiativeRole } from '../../domain/vocabulary.js';
import {
  grantMembership,
  inviteToInitiative,
  revokeMembership,
  setAccountEnabled,
  type Account,
} from '../../security/accounts.js';
import type { Auth } from '../../security/auth.js';
import { findAccountById } from '../../store/repositories/accounts.js';
import { isInstanceAdmin } from '../../store/repositories/instance-rights.js';
import {
  adminWorkspacesOf,
  isWorkspaceAdmin,
  membersOfInitiative,
  rolesInInitiative,
} from '../../store/repositories/memberships.js';
import type { Database } from '../../store/schema.js';
import type { Kysely } from 'kysely';
import { must, pageOf, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/**
 * The people of an initiative: who holds which role, and changes to it (its conveners and the workspace's
 * administrators, `members.manage`). Two rules keep an initiative managed: its last convener is never taken
 * away, and nobody takes away their own right to manage its people (an administrator keeps it anyway).
 * Disabling an account acts on the whole account, in every workspace, so it is the workspace
 * administrators' (`workspace.manage`), only for members of their initiative who administer nothing.
 */

export const memberAddSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  role: initiativeRoleSchema,
});

export type { Member };

export function listMembers(ctx: ServiceContext, initiativeId: string, page: Page): Promise<PageOf<Member>> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'members.manage', { initiativeId });
    const members = (await membersOfInitiative(trx, initiativeId)).map((m) => ({
      account_id: m.accountId,
      email: m.email,
      display_name: m.displayName,
      role: m.role,
      disabled_at: m.disabledAt,
    }));
    return pageOf(members, page);
  });
}

export interface Invitation {
  email: string;
  role: InitiativeRole;
  status: 'invited';
}

/**
 * Offers a role to an e-mail address: an account of that address gets it now, or when it is made. The
 * answer is the same either way and names no account, so adding a member tells nothing of who has one.
 */
export function addMember(
  ctx: ServiceContext,
  initiativeId: string,
  input: z.output<typeof memberAddSchema>,
): Promise<Invitation> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'members.manage', { initiativeId });
    await inviteToInitiative(trx, ctx.keys, ctx.auth, { email: input.email, initiativeId, role: input.role });
    return { email: input.email.trim().toLowerCase(), role: input.role, status: 'invited' };
  });
}

/** Whether the caller manages the initiative's people as a workspace administrator (or the operator). */
async function managesAsAdmin(
  trx: Kysely<Database>,
  auth: Auth | null,
  workspaceId: string,
): Promise<boolean> {
  if (!auth || auth.system) return true;
  return (await isWorkspaceAdmin(trx, workspaceId, auth.accountId)) || isInstanceAdmin(trx, auth.accountId);
}

/**
 * Refuses a change that would leave the account holding `after` instead of its roles now when that takes
 * the initiative's last convener away, or the caller's own right to manage its people.
 */
async function checkRoleChange(
  trx: Kysely<Database>,
  auth: Auth | null,
  place: { initiativeId: string; workspaceId: string },
  accountId: string,
  after: readonly InitiativeRole[],
): Promise<void> {
  const before = await rolesInInitiative(trx, accountId, place.initiativeId);
  if (!before.includes('convener') || after.includes('convener')) return;
  const conveners = (await membersOfInitiative(trx, place.initiativeId)).filter(
    (m) => m.role === 'convener' && m.accountId !== accountId,
  );
  if (conveners.length === 0) throw new TrackTwoError('TT_ERR_LAST_CONVENER');
  if (
    auth &&
    !auth.system &&
    auth.accountId === accountId &&
    !(await managesAsAdmin(trx, auth, place.workspaceId))
  )
    throw new TrackTwoError('TT_ERR_SELF_LOCKOUT');
}

/** Gives a member this one role in the initiative instead of the roles it holds; 404 for a non-member. */
export function changeMemberRole(
  ctx: ServiceContext,
  initiativeId: string,
  accountId: string,
  role: InitiativeRole,
): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'members.manage', { initiativeId });
    const before = await rolesInInitiative(trx, accountId, initiativeId);
    if (before.length === 0) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'no such member' });
    await checkRoleChange(trx, ctx.auth, { initiativeId, workspaceId: grant.workspaceId }, accountId, [role]);
    await grantMembership(trx, ctx.keys, ctx.auth, { accountId, initiativeId, role });
    for (const held of before.filter((r) => r !== role))
      await revokeMembership(trx, ctx.keys, ctx.auth, { accountId, initiativeId, role: held });
  });
}

export function removeMember(
  ctx: ServiceContext,
  initiativeId: string,
  accountId: string,
  role: InitiativeRole,
): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'members.manage', { initiativeId });
    const before = await rolesInInitiative(trx, accountId, initiativeId);
    if (!before.includes(role)) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'no such membership' });
    const after = before.filter((r) => r !== role);
    await checkRoleChange(trx, ctx.auth, { initiativeId, workspaceId: grant.workspaceId }, accountId, after);
    await revokeMembership(trx, ctx.keys, ctx.auth, { accountId, initiativeId, role });
  });
}

/**
 * Disables (signs out everywhere, refuses every sign-in) or re-enables a member's account. The account is
 * one across workspaces, so an account that administers a workspace or the instance is left to the
 * operator (`tracktwo accounts disable`); one's own account is never disabled this way.
 */
export function setMemberEnabled(
  ctx: ServiceContext,
  initiativeId: string,
  accountId: string,
  enabled: boolean,
): Promise<Account> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.manage', { initiativeId });
    const roles = await rolesInInitiative(trx, accountId, initiativeId);
    must(roles.length > 0 ? await findAccountById(trx, accountId) : undefined, 'member');
    if ((await adminWorkspacesOf(trx, accountId)).length > 0 || (await isInstanceAdmin(trx, accountId))) {
      throw new TrackTwoError('TT_ERR_FORBIDDEN', {
        reason:
          'an administrator’s account is disabled or enabled by the operator (tracktwo accounts disable)',
      });
    }
    return setAccountEnabled(trx, ctx.keys, ctx.auth, accountId, enabled);
  });
}
