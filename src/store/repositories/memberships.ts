import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { MembershipRole } from '../tables/security.js';

export interface MembershipRow {
  account_id: string;
  initiative_id: string;
  role: MembershipRole;
}

/** Adds a role; adding one the account already holds changes nothing. */
export async function addMembership(db: Kysely<Database>, row: MembershipRow): Promise<boolean> {
  const result = await db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'initiative_id', 'role']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function removeMembership(db: Kysely<Database>, row: MembershipRow): Promise<boolean> {
  const result = await db
    .deleteFrom('memberships')
    .where('account_id', '=', row.account_id)
    .where('initiative_id', '=', row.initiative_id)
    .where('role', '=', row.role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function rolesInInitiative(
  db: Kysely<Database>,
  accountId: string,
  initiativeId: string,
): Promise<MembershipRole[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('role')
    .where('account_id', '=', accountId)
    .where('initiative_id', '=', initiativeId)
    .execute();
  return rows.map((r) => r.role);
}

/** Roles held in any initiative of the conflict: they open the conflict's actor map. */
export function rolesInConflict(
  db: Kysely<Database>,
  accountId: string,
  conflictId: string,
): Promise<MembershipRole[]> {
  return rolesInInitiativesOf(db, accountId, 'initiatives.conflict_id', conflictId);
}

export function rolesInWorkspace(
  db: Kysely<Database>,
  accountId: string,
  workspaceId: string,
): Promise<MembershipRole[]> {
  return rolesInInitiativesOf(db, accountId, 'initiatives.workspace_id', workspaceId);
}

/** The distinct roles an account holds across the initiatives that sit in one conflict or workspace. */
async function rolesInInitiativesOf(
  db: Kysely<Database>,
  accountId: string,
  scope: 'initiatives.conflict_id' | 'initiatives.workspace_id',
  scopeId: string,
): Promise<MembershipRole[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('initiatives', 'initiatives.id', 'memberships.initiative_id')
    .select('memberships.role')
    .distinct()
    .where('memberships.account_id', '=', accountId)
    .where(scope, '=', scopeId)
    .execute();
  return rows.map((r) => r.role);
}

/** Every membership of an account, with where each initiative sits. */
export function membershipsOfAccount(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('initiatives', 'initiatives.id', 'memberships.initiative_id')
    .select([
      'memberships.initiative_id as initiativeId',
      'memberships.role as role',
      'initiatives.workspace_id as workspaceId',
      'initiatives.conflict_id as conflictId',
    ])
    .where('memberships.account_id', '=', accountId)
    .orderBy('memberships.initiative_id')
    .orderBy('memberships.role')
    .execute();
}

export function membersOfInitiative(db: Kysely<Database>, initiativeId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('accounts', 'accounts.id', 'memberships.account_id')
    .select([
      'accounts.id as accountId',
      'accounts.email as email',
      'accounts.display_name as displayName',
      'accounts.disabled_at as disabledAt',
      'memberships.role as role',
    ])
    .where('memberships.initiative_id', '=', initiativeId)
    .orderBy('accounts.email')
    .orderBy('memberships.role')
    .execute();
}

/**
 * What every account holds, in one query: workspace administration (`role` null, `scopeId` the
 * workspace) and initiative roles (`scopeId` the initiative), for listing accounts without a query each.
 */
export function holdingsOfAllAccounts(db: Kysely<Database>) {
  return db
    .selectFrom('workspace_admins')
    .select([
      'account_id as accountId',
      'workspace_id as scopeId',
      sql<MembershipRole | null>`null`.as('role'),
    ])
    .unionAll(
      db.selectFrom('memberships').select(['account_id as accountId', 'initiative_id as scopeId', 'role']),
    )
    .orderBy('accountId')
    .orderBy('scopeId')
    .orderBy('role')
    .execute();
}

// --- workspace administrators ---

export async function addWorkspaceAdmin(
  db: Kysely<Database>,
  workspaceId: string,
  accountId: string,
): Promise<boolean> {
  const result = await db
    .insertInto('workspace_admins')
    .values({ workspace_id: workspaceId, account_id: accountId })
    .onConflict((oc) => oc.columns(['workspace_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function removeWorkspaceAdmin(
  db: Kysely<Database>,
  workspaceId: string,
  accountId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('workspace_admins')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function isWorkspaceAdmin(
  db: Kysely<Database>,
  workspaceId: string,
  accountId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('workspace_admins')
    .select('account_id')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function adminWorkspacesOf(db: Kysely<Database>, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('workspace_admins')
    .select('workspace_id')
    .where('account_id', '=', accountId)
    .orderBy('workspace_id')
    .execute();
  return rows.map((r) => r.workspace_id);
}

// --- where a scope sits (initiative -> conflict -> workspace) ---

export function initiativePlace(db: Kysely<Database>, initiativeId: string) {
  return db
    .selectFrom('initiatives')
    .select(['id', 'workspace_id as workspaceId', 'conflict_id as conflictId'])
    .where('id', '=', initiativeId)
    .executeTakeFirst();
}

export function conflictPlace(db: Kysely<Database>, conflictId: string) {
  return db
    .selectFrom('conflicts')
    .select(['id', 'workspace_id as workspaceId'])
    .where('id', '=', conflictId)
    .executeTakeFirst();
}

export function meetingPlace(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meetings')
    .innerJoin('initiatives', 'initiatives.id', 'meetings.initiative_id')
    .select([
      'meetings.id as id',
      'meetings.ground_rule as groundRule',
      'meetings.initiative_id as initiativeId',
      'initiatives.workspace_id as workspaceId',
      'initiatives.conflict_id as conflictId',
    ])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
}

/** Where a record of the actor map sits: its conflict (actors, ties and conflict events live in one). */
export function conflictRecordPlace(
  db: Kysely<Database>,
  table: 'actors' | 'ties' | 'conflict_events' | 'track_one_events',
  id: string,
) {
  return db
    .selectFrom(table)
    .innerJoin('conflicts', 'conflicts.id', `${table}.conflict_id`)
    .select(['conflicts.id as conflictId', 'conflicts.workspace_id as workspaceId'])
    .where(`${table}.id`, '=', id)
    .executeTakeFirst();
}

/** Where a record of an initiative sits (surveys, dialogues, outcomes). */
export function initiativeRecordPlace(
  db: Kysely<Database>,
  table: 'surveys' | 'dialogues' | 'outcomes' | 'budget_lines' | 'pledges',
  id: string,
) {
  return db
    .selectFrom(table)
    .innerJoin('initiatives', 'initiatives.id', `${table}.initiative_id`)
    .select([
      'initiatives.id as initiativeId',
      'initiatives.workspace_id as workspaceId',
      'initiatives.conflict_id as conflictId',
    ])
    .where(`${table}.id`, '=', id)
    .executeTakeFirst();
}

/** Where a transfer sits: the initiative of the outcome it hands on. */
export function transferPlace(db: Kysely<Database>, transferId: string) {
  return db
    .selectFrom('transfers')
    .innerJoin('outcomes', 'outcomes.id', 'transfers.outcome_id')
    .innerJoin('initiatives', 'initiatives.id', 'outcomes.initiative_id')
    .select([
      'initiatives.id as initiativeId',
      'initiatives.workspace_id as workspaceId',
      'initiatives.conflict_id as conflictId',
    ])
    .where('transfers.id', '=', transferId)
    .executeTakeFirst();
}

export function workspaceExists(db: Kysely<Database>, workspaceId: string) {
  return db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
}

/** Initiatives of the given workspaces (every initiative when `workspaceIds` is undefined: the system). */
export function initiativesOfWorkspaces(db: Kysely<Database>, workspaceIds: string[] | undefined) {
  if (workspaceIds !== undefined && workspaceIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('initiatives')
    .select(['id', 'workspace_id as workspaceId', 'conflict_id as conflictId']);
  if (workspaceIds !== undefined) query = query.where('workspace_id', 'in', workspaceIds);
  return query.orderBy('id').execute();
}
