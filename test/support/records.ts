import type { Kysely } from 'kysely';
import type { InitiativeCreate } from '../../src/domain/initiative.js';
import * as conflicts from '../../src/services/workspaces/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import * as initiatives from '../../src/services/initiatives/index.js';
import * as workspaces from '../../src/services/workspaces/index.js';
import type { Database } from '../../src/store/schema.js';

/*
 * Records that test worlds make through the services, with every field the tests do not look at left
 * empty, so that a fixture says only what it cares about.
 */

export function createTestWorkspace(system: ServiceContext, name: string) {
  return workspaces.createWorkspace(system, { name, description: '', is_demo: false });
}

/** A conflict with one divide of the named groups, or with no divide when none is given. */
export function createTestConflict(
  system: ServiceContext,
  workspaceId: string,
  name: string,
  divide?: { name: string; groups: string[] },
) {
  return conflicts.createConflict(system, {
    workspace_id: workspaceId,
    name,
    description: '',
    started_on: null,
    ended_on: null,
    divides: divide
      ? [{ name: divide.name, groups: divide.groups.map((group) => ({ name: group, color: null })) }]
      : [],
  });
}

/** An active initiative with no dates, funding, target or actors unless `fields` gives them. */
export function createTestInitiative(
  system: ServiceContext,
  workspaceId: string,
  conflictId: string,
  name: string,
  fields: Pick<InitiativeCreate, 'inclusion_target_women'> = {},
) {
  return initiatives.createInitiative(system, {
    workspace_id: workspaceId,
    conflict_id: conflictId,
    name,
    aims: '',
    status: 'active',
    started_on: null,
    ended_on: null,
    funding_needed: null,
    funding_pledged: null,
    inclusion_target_women: fields.inclusion_target_women ?? null,
    actors: [],
  });
}

/** The tables of the records and of their access and audit (the survey and dialogue tables apart). */
export const recordTables = [
  'workspaces',
  'conflicts',
  'divides',
  'groups',
  'conflict_events',
  'actors',
  'actor_groups',
  'ties',
  'initiatives',
  'initiative_actors',
  'initiative_privacy',
  'meetings',
  'attendances',
  'meeting_texts',
  'outcomes',
  'transfers',
  'transfer_recipients',
  'accounts',
  'workspace_admins',
  'memberships',
  'actor_identities',
  'actor_name_index',
  'audit_log',
] as const satisfies readonly (keyof Database)[];

/** Every row of the given tables, sorted, to show that a refused request changed nothing. */
export async function tablesSnapshot(
  db: Kysely<Database>,
  tables: readonly (keyof Database)[],
): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().execute();
    parts.push(
      `${table}:${rows
        .map((row) => JSON.stringify(row))
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n#\n');
}
