import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import {
  INVITATION_DAYS,
  invitationPath,
  type InvitationAccept,
  type InvitationCreate,
  type InvitationInfo,
  type InvitationLink,
  type InvitationStatus,
} from '../../domain/invitation-links.js';
import { createAccount, normaliseEmail, type Account } from '../../security/accounts.js';
import { appendAudit } from '../../security/audit.js';
import { systemAuth, type Auth } from '../../security/auth.js';
import { createCookieSession, type IssuedSession } from '../../security/sessions.js';
import type { VaultKeys } from '../../security/vault.js';
import { findAccountByEmail, findAccountById } from '../../store/repositories/accounts.js';
import { getInitiative } from '../../store/repositories/initiatives.js';
import * as links from '../../store/repositories/invitation-links.js';
import { addMembership } from '../../store/repositories/memberships.js';
import type { Database } from '../../store/schema.js';
import { newId, nowIso } from '../../store/ids.js';
import { audit, must, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/**
 * Invitation links (issue #12). Whoever holds `members.manage` in an initiative invites an e-mail address
 * to a role and gets a link to send through their own channel. Making one never looks the address up, so
 * the answer is the same whether or not it has an account. Only an HMAC of the code is stored, under a key
 * derived from the master key: a copy of the database alone cannot turn stored rows into working links.
 * Looking a code up is public and counts a wrong code against the caller's address (token-guessing.ts).
 */

const DAY_MS = 86_400_000;
const CODE = /^[A-Za-z0-9_-]{16,64}$/;
const hmacKeys = new WeakMap<VaultKeys, Buffer>();

export function hashInvitationCode(keys: VaultKeys, code: string): string {
  let key = hmacKeys.get(keys);
  if (!key) {
    key = keys.deriveKey('tracktwo/invitation-code/v1');
    hmacKeys.set(keys, key);
  }
  return createHmac('sha256', key).update(code, 'utf8').digest('hex');
}

function statusOf(row: links.InvitationLinkRow, now: string): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'pending';
}

function linkRecord(row: links.InvitationLinkRow, code: string | null, now: string): InvitationLink {
  return {
    id: row.id,
    initiative_id: row.initiative_id,
    email: row.email,
    role: row.role,
    status: statusOf(row, now),
    created_at: row.created_at,
    expires_at: row.expires_at,
    url: code ? invitationPath(code) : null,
  };
}

/** Makes an invitation link; the answer holds the link, shown this once. */
export function createInvitation(
  ctx: ServiceContext,
  initiativeId: string,
  input: InvitationCreate,
  now: Date = new Date(),
): Promise<InvitationLink> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'members.manage', { initiativeId });
    const email = normaliseEmail(input.email);
    const code = randomBytes(32).toString('base64url');
    const row: links.InvitationLinkRow = {
      id: newId(),
      initiative_id: initiativeId,
      email,
      role: input.role,
      code_hash: hashInvitationCode(ctx.keys, code),
      invited_by: ctx.auth && !ctx.auth.system ? ctx.auth.accountId : null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    };
    await links.insertInvitationLink(trx, row);
    // The audit row names the link, not the address (which may be a person's own).
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'invitation_link.create',
      'invitation_link',
      row.id,
      grant.workspaceId,
    );
    return linkRecord(row, code, now.toISOString());
  });
}

export function listInvitations(ctx: ServiceContext, initiativeId: string): Promise<InvitationLink[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'members.manage', { initiativeId });
    const now = nowIso();
    return (await links.invitationLinksOf(trx, initiativeId)).map((row) => linkRecord(row, null, now));
  });
}

/** Withdraws a link not yet used; withdrawing one withdrawn already changes nothing. */
export function revokeInvitation(
  ctx: ServiceContext,
  initiativeId: string,
  invitationId: string,
): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'members.manage', { initiativeId });
    const row = await links.invitationLinkById(trx, invitationId);
    if (!row || row.initiative_id !== initiativeId)
      throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'invitation' });
    if (row.accepted_at) throw new TrackTwoError('TT_ERR_INVITATION_USED');
    if (row.revoked_at) return;
    await links.revokeInvitationLink(trx, invitationId, nowIso());
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'invitation_link.revoke',
      'invitation_link',
      invitationId,
      grant.workspaceId,
    );
  });
}

/** The link of a code, if it still works; otherwise the coded reason it does not. */
async function usableLink(
  trx: Kysely<Database>,
  keys: VaultKeys,
  code: string,
  now: string,
): Promise<links.InvitationLinkRow> {
  const row = CODE.test(code)
    ? await links.invitationLinkByHash(trx, hashInvitationCode(keys, code))
    : undefined;
  if (!row) throw new TrackTwoError('TT_ERR_INVITATION_UNKNOWN');
  if (row.accepted_at) throw new TrackTwoError('TT_ERR_INVITATION_USED');
  if (row.revoked_at) throw new TrackTwoError('TT_ERR_INVITATION_REVOKED');
  if (row.expires_at <= now) throw new TrackTwoError('TT_ERR_INVITATION_EXPIRED');
  return row;
}

/** What a link invites to: the initiative's name, the role and the address (public: the code is the key). */
export function describeInvitation(ctx: ServiceContext, code: string): Promise<InvitationInfo> {
  return inTransaction(ctx, async (trx) => {
    const row = await usableLink(trx, ctx.keys, code, nowIso());
    const initiative = must(await getInitiative(trx, row.initiative_id), 'initiative');
    return { initiative_name: initiative.name, role: row.role, email: row.email, expires_at: row.expires_at };
  });
}

export interface InvitationAccepted {
  initiative_id: string;
  role: InvitationLink['role'];
  /** A new account's first browser session (the route sets its cookie). */
  session: IssuedSession | null;
}

/** The signed-in account taking a link, if one is signed in (public route: no gate, checked here). */
async function signedInAccount(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
): Promise<Account | null> {
  if (!auth || auth.system) return null;
  const row = await findAccountById(trx, auth.accountId);
  if (!row || row.disabled_at) return null;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    createdAt: row.created_at,
    disabledAt: null,
  };
}

/**
 * Takes an invitation. Signed in as the invited address: the account gets the role. Not signed in, with a
 * name and a password: a new account of that address is made (the password policy applies), gets the role
 * and is signed in. An address that has an account already must sign in first (with its second factor),
 * so the link never stands in for a password: TT_ERR_INVITATION_SIGN_IN_REQUIRED.
 */
export function acceptInvitation(
  ctx: ServiceContext,
  code: string,
  input: InvitationAccept,
  options: { ttlMs?: number } = {},
): Promise<InvitationAccepted> {
  return inTransaction(ctx, async (trx) => {
    const now = nowIso();
    const row = await usableLink(trx, ctx.keys, code, now);
    const initiative = must(await getInitiative(trx, row.initiative_id), 'initiative');
    let account = await signedInAccount(trx, ctx.auth);
    let session: IssuedSession | null = null;
    if (account) {
      if (account.email !== row.email) throw new TrackTwoError('TT_ERR_INVITATION_OTHER_ACCOUNT');
    } else {
      if (!('password' in input)) {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: 'password',
          reason: 'give display_name and password to make your account, or sign in first',
        });
      }
      if (await findAccountByEmail(trx, row.email))
        throw new TrackTwoError('TT_ERR_INVITATION_SIGN_IN_REQUIRED');
      account = await createAccount(trx, ctx.keys, systemAuth(`invitation ${row.id}`), {
        email: row.email,
        displayName: input.display_name,
        password: input.password,
      });
      session = await createCookieSession(
        trx,
        ctx.keys,
        account.id,
        options.ttlMs ? { ttlMs: options.ttlMs } : {},
      );
    }
    if (!(await links.claimInvitationLink(trx, row.id, account.id, now)))
      throw new TrackTwoError('TT_ERR_INVITATION_USED');
    const acting: Auth = { accountId: account.id };
    const place = { workspaceId: initiative.workspace_id };
    if (
      await addMembership(trx, { account_id: account.id, initiative_id: row.initiative_id, role: row.role })
    ) {
      await appendAudit(trx, ctx.keys, acting, {
        action: 'membership.grant',
        recordType: 'membership',
        recordId: `${row.initiative_id}/${account.id}/${row.role}`,
        workspaceId: place.workspaceId,
      });
    }
    await appendAudit(trx, ctx.keys, acting, {
      action: 'invitation_link.accept',
      recordType: 'invitation_link',
      recordId: row.id,
      workspaceId: place.workspaceId,
    });
    return { initiative_id: row.initiative_id, role: row.role, session };
  });
}
