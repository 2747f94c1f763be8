import type { Kysely, Selectable } from 'kysely';
import type { Workspace } from '../../domain/workspace.js';
import { mapStoreErrors } from '../errors.js';
import { onlyColumns } from './columns.js';
import { newId, nowIso } from '../ids.js';
import type { Database } from '../schema.js';
import type { WorkspacesTable } from '../tables/core.js';

export interface NewWorkspace {
  id?: string;
  name: string;
  description?: string;
  is_demo?: boolean;
  created_at?: string;
}

export interface WorkspaceChanges {
  name?: string;
  description?: string;
}

function toWorkspace(row: Selectable<WorkspacesTable>): Workspace {
  return { ...row, is_demo: row.is_demo === 1 };
}

export async function createWorkspace(db: Kysely<Database>, input: NewWorkspace): Promise<Workspace> {
  const row = {
    id: input.id ?? newId(),
    name: input.name,
    description: input.description ?? '',
    is_demo: input.is_demo ? (1 as const) : (0 as const),
    created_at: input.created_at ?? nowIso(),
  };
  await mapStoreErrors(() => db.insertInto('workspaces').values(row).execute(), { record: 'workspace' });
  return toWorkspace(row);
}

export async function getWorkspace(db: Kysely<Database>, id: string): Promise<Workspace | undefined> {
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWorkspace(row);
}

/** All workspaces, or those of `ids` (the ones an account may see), oldest first. */
export async function listWorkspaces(
  db: Kysely<Database>,
  filter: { ids?: readonly string[] } = {},
): Promise<Workspace[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('id');
  if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
  return (await query.execute()).map(toWorkspace);
}

export async function updateWorkspace(
  db: Kysely<Database>,
  id: string,
  patch: WorkspaceChanges,
): Promise<Workspace | undefined> {
  const changes = onlyColumns(patch, ['name', 'description']);
  if (Object.keys(changes).length > 0) {
    await mapStoreErrors(() => db.updateTable('workspaces').set(changes).where('id', '=', id).execute(), {
      record: 'workspace',
    });
  }
  return getWorkspace(db, id);
}

/** Deletes the workspace and, by cascade, everything in it. */
export async function deleteWorkspace(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await mapStoreErrors(
    () => db.deleteFrom('workspaces').where('id', '=', id).executeTakeFirst(),
    {
      record: 'workspace',
      foreignKey: 'TT_ERR_CONFLICT',
    },
  );
  return Number(result.numDeletedRows) > 0;
}

/** True when no workspace exists yet (first start loads the demo). */
export async function hasNoWorkspace(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
