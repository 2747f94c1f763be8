import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { TrackTwoError } from '../domain/errors.js';
import type { GroundRule } from '../domain/vocabulary.js';
import { accessTable, permissions, rolesHolding, type Permission } from '../domain/access-table.js';
import { findAccountById } from '../store/repositories/accounts.js';
import {
  adminWorkspacesOf,
  conflictPlace,
  conflictRecordPlace,
  initiativePlace,
  initiativeRecordPlace,
  initiativesOfWorkspaces,
  isWorkspaceAdmin,
  meetingPlace,
  membershipsOfAccount,
  rolesInConflict,
  rolesInInitiative,
  rolesInWorkspace,
  transferPlace,
  workspaceExists,
} from '../store/repositories/memberships.js';
import { isInstanceAdmin } from '../store/repositories/instance-rights.js';
import { hasSecondFactor, secondFactorRequiredIn } from '../store/repositories/second-factors.js';
import type { Database } from '../store/schema.js';
import type { MembershipRole } from '../store/tables/security.js';
import type { Auth } from './auth.js';

export type { MembershipRole, GroundRule, Permission };
export { initiativeRoles as membershipRoles } from '../domain/vocabulary-lists.js';
export { accessTable, attendanceRoles, permissions } from '../domain/access-table.js';

/**
 * Where an access check applies: a workspace, conflict or initiative, or a record by its own id, which
 * one access query resolves to the conflict or initiative it lies in (a meeting: with its ground rule),
 * so no use case reads a record before its check.
 */
export type AccessScope =
  | { workspaceId: string }
  | { conflictId: string }
  | { initiativeId: string }
  | { meetingId: string }
  | { actorId: string }
  | { tieId: string }
  | { conflictEventId: string }
  | { trackOneEventId: string }
  | { budgetLineId: string }
  | { pledgeId: string }
  | { surveyId: string }
  | { dialogueId: string }
  | { outcomeId: string }
  | { transferId: string };

/** What a passed check knows about the scope, so the service need not look it up again. */
export interface AccessGrant {
  workspaceId: string;
  conflictId: string | null;
  initiativeId: string | null;
  meetingId: string | null;
  /** Administrator of the workspace (or the system). */
  admin: boolean;
  /** The account's initiative roles that count in this scope. */
  roles: MembershipRole[];
}

interface Place {
  workspaceId: string;
  conflictId: string | null;
  initiativeId: string | null;
  meetingId: string | null;
  groundRule: GroundRule | null;
}

const noMeeting = { meetingId: null, groundRule: null };

type ScopeKind = AccessScope extends infer S ? (S extends Record<infer K, string> ? K : never) : never;

type Resolver = (trx: Kysely<Database>, id: string) => Promise<Place | undefined>;
const inConflict =
  (table: 'actors' | 'ties' | 'conflict_events' | 'track_one_events'): Resolver =>
  async (trx, id) => {
    const place = await conflictRecordPlace(trx, table, id);
    return place && { ...place, initiativeId: null, ...noMeeting };
  };
const inInitiative =
  (table: 'surveys' | 'dialogues' | 'outcomes' | 'budget_lines' | 'pledges'): Resolver =>
  async (trx, id) => {
    const place = await initiativeRecordPlace(trx, table, id);
    return place && { ...place, ...noMeeting };
  };

/** One access query per kind of scope: where it lies, or undefined when there is no such record. */
const resolvers: Record<ScopeKind, Resolver> = {
  workspaceId: async (trx, id) => {
    const workspace = await workspaceExists(trx, id);
    return workspace && { workspaceId: workspace.id, conflictId: null, initiativeId: null, ...noMeeting };
  },
  conflictId: async (trx, id) => {
    const conflict = await conflictPlace(trx, id);
    return (
      conflict && {
        workspaceId: conflict.workspaceId,
        conflictId: conflict.id,
        initiativeId: null,
        ...noMeeting,
      }
    );
  },
  initiativeId: async (trx, id) => {
    const initiative = await initiativePlace(trx, id);
    return (
      initiative && {
        workspaceId: initiative.workspaceId,
        conflictId: initiative.conflictId,
        initiativeId: initiative.id,
        ...noMeeting,
      }
    );
  },
  meetingId: async (trx, id) => {
    const meeting = await meetingPlace(trx, id);
    return (
      meeting && {
        workspaceId: meeting.workspaceId,
        conflictId: meeting.conflictId,
        initiativeId: meeting.initiativeId,
        meetingId: meeting.id,
        groundRule: meeting.groundRule,
      }
    );
  },
  actorId: inConflict('actors'),
  tieId: inConflict('ties'),
  conflictEventId: inConflict('conflict_events'),
  trackOneEventId: inConflict('track_one_events'),
  budgetLineId: inInitiative('budget_lines'),
  pledgeId: inInitiative('pledges'),
  surveyId: inInitiative('surveys'),
  dialogueId: inInitiative('dialogues'),
  outcomeId: inInitiative('outcomes'),
  transferId: async (trx, id) => {
    const place = await transferPlace(trx, id);
    return place && { ...place, ...noMeeting };
  },
};

function resolvePlace(trx: Kysely<Database>, scope: AccessScope): Promise<Place | undefined> {
  const [kind, id] = Object.entries(scope)[0] as [ScopeKind, string];
  return resolvers[kind](trx, id);
}

function rolesInPlace(trx: Kysely<Database>, accountId: string, place: Place): Promise<MembershipRole[]> {
  if (place.initiativeId) return rolesInInitiative(trx, accountId, place.initiativeId);
  if (place.conflictId) return rolesInConflict(trx, accountId, place.conflictId);
  return rolesInWorkspace(trx, accountId, place.workspaceId);
}

function allowedRoles(permission: Permission, place: Place): readonly MembershipRole[] {
  return rolesHolding(permission, place.groundRule);
}

/** Throws TT_ERR_UNAUTHENTICATED unless `auth` names a live account (or is the system). */
async function requireLiveAccount(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
): Promise<string | null> {
  if (!auth) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  if (auth.system) return null;
  const account = await findAccountById(trx, auth.accountId);
  if (!account || account.disabled_at) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  return account.id;
}

/**
 * What a use case's gate asked for: a permission, several of which any one suffices (`a|b`), `signed-in`
 * or `admin`. The route's `access` label must say the same (test/server/access-labels.test.ts).
 */
export type Requirement =
  | Permission
  | 'signed-in'
  | 'admin'
  | 'instance-admin'
  | 'operator'
  | `${Permission}|${Permission}`
  | `${Permission}|${Permission}|${Permission}`;

const requirementLog = new AsyncLocalStorage<Requirement[]>();

/**
 * Runs `work` (and everything it starts) with the requirements every gate is asked for appended to
 * `into`, in order: a request hook wraps the request in it to see what the request's use case required.
 */
export function collectRequirements<T>(into: Requirement[], work: () => T): T {
  return requirementLog.run(into, work);
}

function noteRequirement(requirement: Requirement): void {
  requirementLog.getStore()?.push(requirement);
}

/**
 * The gate of account-own use cases (own tokens, own password, own workspaces): any live account, or
 * the system. Returns the account's id (null for the system).
 */
export function requireSignedIn(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
): Promise<string | null> {
  noteRequirement('signed-in');
  return requireLiveAccount(trx, auth);
}

/**
 * The gate of account administration (making accounts, importing a workspace): the operator, or an
 * account that administers at least one workspace.
 */
export async function requireAdministrator(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
): Promise<void> {
  noteRequirement('admin');
  const accountId = await requireLiveAccount(trx, auth);
  if (accountId === null || (await isInstanceAdmin(trx, accountId))) return;
  if ((await adminWorkspacesOf(trx, accountId)).length === 0) {
    throw new TrackTwoError('TT_ERR_FORBIDDEN', { reason: 'only workspace administrators do this' });
  }
}

/**
 * The gate of instance-level rights (creating workspaces): the operator (the system), or an account the
 * operator made an instance administrator (`tracktwo accounts instance-admin grant EMAIL`). Any signed-in
 * account may no longer make itself a workspace, and with it the right to make accounts.
 */
export async function requireInstanceAdmin(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
): Promise<void> {
  noteRequirement('instance-admin');
  const accountId = await requireLiveAccount(trx, auth);
  if (accountId !== null && !(await isInstanceAdmin(trx, accountId))) {
    throw new TrackTwoError('TT_ERR_FORBIDDEN', {
      reason: 'only the operator and instance administrators create workspaces',
    });
  }
}

/**
 * The gate of what only whoever holds the database may do (the command line's operator, the system):
 * the whole audit chain, for one.
 */
export function requireOperator(auth: Auth | null | undefined): void {
  noteRequirement('operator');
  if (!auth) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  if (!auth.system) throw new TrackTwoError('TT_ERR_FORBIDDEN', { reason: 'only the operator does this' });
}

/**
 * Opens every use case on a scope. Throws TT_ERR_UNAUTHENTICATED without a live account, TT_ERR_NOT_FOUND
 * when the scope does not exist or the account has no role in it, and TT_ERR_FORBIDDEN when its roles
 * there allow none of `permission`. A not-found names nothing: for a record looked up by its own id,
 * naming the scope would reveal the conflict or initiative it lies in, and "missing" and "not yours"
 * must read the same. Given several permissions, any one of them suffices.
 */
export async function requireAccess(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
  permission: Permission | readonly Permission[],
  scope: AccessScope,
): Promise<AccessGrant> {
  const wanted: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  noteRequirement(wanted.join('|') as Requirement);
  return checkAccess(trx, auth, wanted, scope);
}

async function checkAccess(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
  wanted: readonly Permission[],
  scope: AccessScope,
): Promise<AccessGrant> {
  for (const permission of wanted) {
    if (!(permission in accessTable)) throw new Error(`unknown permission ${String(permission)}`);
  }
  const accountId = await requireLiveAccount(trx, auth);
  const place = await resolvePlace(trx, scope);
  if (!place) throw new TrackTwoError('TT_ERR_NOT_FOUND');
  const grant = (admin: boolean, roles: MembershipRole[]): AccessGrant => ({
    workspaceId: place.workspaceId,
    conflictId: place.conflictId,
    initiativeId: place.initiativeId,
    meetingId: place.meetingId,
    admin,
    roles,
  });
  if (accountId === null) return grant(true, []);
  if (await isWorkspaceAdmin(trx, place.workspaceId, accountId)) {
    await requireSecondFactorWhereRuled(trx, accountId, place.workspaceId, true);
    return grant(true, await rolesInPlace(trx, accountId, place));
  }
  const roles = await rolesInPlace(trx, accountId, place);
  if (roles.length === 0) throw new TrackTwoError('TT_ERR_NOT_FOUND');
  await requireSecondFactorWhereRuled(trx, accountId, place.workspaceId, false);
  const allowed = (permission: Permission) => allowedRoles(permission, place);
  if (!wanted.some((permission) => roles.some((role) => allowed(permission).includes(role)))) {
    throw new TrackTwoError('TT_ERR_FORBIDDEN', {
      reason: `${wanted.join(' or ')} is not granted to ${roles.join(', ')}`,
    });
  }
  return grant(false, roles);
}

/**
 * A workspace may require a second factor of everyone who sees names in it (its administrators and the
 * roles holding `actors.names` in any of its initiatives). Such an account without one is refused on every
 * route of that workspace until it enrols; enrolling is outside any workspace, so it stays open. Asked
 * only once the account is known to belong to the workspace, so the refusal reveals nothing new.
 */
async function requireSecondFactorWhereRuled(
  trx: Kysely<Database>,
  accountId: string,
  workspaceId: string,
  admin: boolean,
): Promise<void> {
  if (!(await secondFactorRequiredIn(trx, workspaceId))) return;
  if (await hasSecondFactor(trx, accountId)) return;
  const seesNames =
    admin ||
    (await rolesInWorkspace(trx, accountId, workspaceId)).some((role) =>
      accessTable['actors.names'].includes(role as never),
    );
  if (seesNames) {
    throw new TrackTwoError('TT_ERR_SECOND_FACTOR_REQUIRED', {
      reason: 'add an authenticator app or a passkey on your Security page',
      workspace_id: workspaceId,
    });
  }
}

/** The same check as a yes/no, for deciding what to show (it still throws without a live account). */
export async function hasAccess(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
  permission: Permission,
  scope: AccessScope,
): Promise<boolean> {
  try {
    await checkAccess(trx, auth, [permission], scope);
    return true;
  } catch (error) {
    if (
      error instanceof TrackTwoError &&
      (error.code === 'TT_ERR_NOT_FOUND' || error.code === 'TT_ERR_FORBIDDEN')
    ) {
      return false;
    }
    throw error;
  }
}

/** Every permission the account holds in a scope (for the browser app to show only what works). */
export async function permissionsIn(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
  scope: AccessScope,
): Promise<Permission[]> {
  const accountId = await requireLiveAccount(trx, auth);
  const place = await resolvePlace(trx, scope);
  if (!place) return [];
  if (accountId === null || (await isWorkspaceAdmin(trx, place.workspaceId, accountId)))
    return [...permissions];
  const roles = await rolesInPlace(trx, accountId, place);
  return permissions.filter((permission) =>
    roles.some((role) => allowedRoles(permission, place).includes(role)),
  );
}

/** Whether the account may see actors' names (the identity vault) in this scope. */
export function canSeeNames(trx: Kysely<Database>, auth: Auth | null | undefined, scope: AccessScope) {
  return hasAccess(trx, auth, 'actors.names', scope);
}

/**
 * Whether the account may see who attended a meeting. Chatham House and closed meetings: only the
 * conveners of the meeting's initiative and the workspace's administrators; open meetings: facilitators too.
 */
export function canSeeAttendance(trx: Kysely<Database>, auth: Auth | null | undefined, meetingId: string) {
  return hasAccess(trx, auth, 'attendance.read', { meetingId });
}

export interface VisibleInitiative {
  id: string;
  workspaceId: string;
  conflictId: string | null;
  /** Administrator of the initiative's workspace (or the system). */
  admin: boolean;
  roles: MembershipRole[];
}

/**
 * The initiatives an account may see at all: every initiative of the workspaces it administers, and those
 * it holds a role in. Nothing else exists for it.
 */
export async function listVisibleInitiatives(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
  filter: { workspaceId?: string } = {},
): Promise<VisibleInitiative[]> {
  const accountId = await requireLiveAccount(trx, auth);
  const byId = new Map<string, VisibleInitiative>();
  const adminOf = accountId === null ? undefined : await adminWorkspacesOf(trx, accountId);
  const wanted = (workspaceId: string) => !filter.workspaceId || workspaceId === filter.workspaceId;
  const administered = await initiativesOfWorkspaces(trx, adminOf?.filter(wanted));
  for (const row of administered) {
    if (wanted(row.workspaceId)) byId.set(row.id, { ...row, admin: true, roles: [] });
  }
  if (accountId !== null) {
    for (const membership of await membershipsOfAccount(trx, accountId)) {
      if (!wanted(membership.workspaceId)) continue;
      const entry = byId.get(membership.initiativeId) ?? {
        id: membership.initiativeId,
        workspaceId: membership.workspaceId,
        conflictId: membership.conflictId,
        admin: false,
        roles: [],
      };
      entry.roles.push(membership.role);
      byId.set(entry.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
