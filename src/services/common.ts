import type { Kysely } from 'kysely';
import { TrackTwoError } from '../domain/errors.js';
import type { Page, PageOf } from '../domain/scalars.js';
import type { meetingNarrowed } from '../domain/access-table.js';
import {
  accessTable,
  type AccessGrant,
  type MembershipRole,
  type Permission,
  type VisibleInitiative,
} from '../security/access.js';
import { appendAudit } from '../security/audit.js';
import type { Auth } from '../security/auth.js';
import type { VaultKeys } from '../security/vault.js';
import type { Database } from '../store/schema.js';

/** The record, or TT_ERR_NOT_FOUND (the same answer as "you may not see it"). */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: what });
  return value;
}

// The gates every use case opens with (src/security/access.ts).
export {
  requireAccess,
  requireAdministrator,
  requireInstanceAdmin,
  requireOperator,
  requireSignedIn,
} from '../security/access.js';

/** Audits a write in its transaction, chained under the audit key derived from `keys`. `auth` is non-null here: requireAccess has passed. */
export function audit(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null,
  action: string,
  recordType: string,
  recordId: string,
  workspaceId: string | null,
): Promise<unknown> {
  if (!auth) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  return appendAudit(trx, keys, auth, { action, recordType, recordId, workspaceId });
}

/** One page of a list the repository returns whole (small lists: meetings, outcomes, ...). */
export function pageOf<T>(items: readonly T[], page: Page): PageOf<T> {
  return {
    items: items.slice(page.offset, page.offset + page.limit),
    total: items.length,
    limit: page.limit,
    offset: page.offset,
  };
}

/** A body's `workspace_id` must be the workspace the scope lies in: no record is written across workspaces. */
export function sameWorkspace(given: string, actual: string): void {
  if (given !== actual) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'workspace_id',
      reason: 'not the workspace of the conflict named',
    });
  }
}

/**
 * Whether a passed check's grant, or an initiative from listVisibleInitiatives, also holds `permission`
 * (administrators: every one), read off the roles it already lists instead of another access check (four
 * queries). Not for the permissions a meeting's ground rule narrows (attendance, minutes and notes).
 */
export function grants(
  holder: Pick<AccessGrant | VisibleInitiative, 'admin' | 'roles'>,
  permission: Exclude<Permission, (typeof meetingNarrowed)[number]>,
): boolean {
  const allowed: readonly MembershipRole[] = accessTable[permission];
  return holder.admin || holder.roles.some((role) => allowed.includes(role));
}
