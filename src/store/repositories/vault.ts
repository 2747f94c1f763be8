import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { ActorIdentitiesTable } from '../tables/security.js';

export type ActorIdentityRow = Selectable<ActorIdentitiesTable>;

export async function findWrappedWorkspaceKey(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('workspace_keys')
    .select('wrapped_key')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.wrapped_key;
}

/** Inserts a workspace key unless one exists (two first writers race); returns whether this one won. */
export async function insertWorkspaceKeyIfAbsent(
  db: Kysely<Database>,
  row: { workspace_id: string; wrapped_key: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('workspace_keys')
    .values(row)
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
}

/** Writes an identity; a new one replaces one retention had hidden (it is no longer hidden). */
export async function upsertActorIdentity(
  db: Kysely<Database>,
  row: Omit<ActorIdentityRow, 'deleted_at'>,
): Promise<void> {
  await db
    .insertInto('actor_identities')
    .values(row)
    .onConflict((oc) =>
      oc.column('actor_id').doUpdateSet({
        wrapped_data_key: row.wrapped_data_key,
        ciphertext: row.ciphertext,
        updated_at: row.updated_at,
        deleted_at: null,
      }),
    )
    .execute();
}

/** The actor's identity row, unless retention has hidden it. */
export function findActorIdentity(
  db: Kysely<Database>,
  actorId: string,
): Promise<ActorIdentityRow | undefined> {
  return db
    .selectFrom('actor_identities')
    .selectAll()
    .where('actor_id', '=', actorId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Which workspace holds the actor's identity row, hidden or not (erasure reaches hidden rows too). */
export async function identityWorkspace(db: Kysely<Database>, actorId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('actor_identities')
    .select('workspace_id')
    .where('actor_id', '=', actorId)
    .executeTakeFirst();
  return row?.workspace_id;
}

/** The identity rows of many actors at once, in chunks that stay under SQLite's bound-parameter limit. */
export async function findActorIdentities(
  db: Kysely<Database>,
  actorIds: readonly string[],
): Promise<ActorIdentityRow[]> {
  const rows: ActorIdentityRow[] = [];
  for (let i = 0; i < actorIds.length; i += 500) {
    const chunk = actorIds.slice(i, i + 500);
    rows.push(
      ...(await db
        .selectFrom('actor_identities')
        .selectAll()
        .where('actor_id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .execute()),
    );
  }
  return rows;
}

export async function deleteActorIdentity(db: Kysely<Database>, actorId: string): Promise<boolean> {
  const result = await db.deleteFrom('actor_identities').where('actor_id', '=', actorId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Replaces an actor's name tokens with `tokens`. */
export async function replaceNameTokens(
  db: Kysely<Database>,
  workspaceId: string,
  actorId: string,
  tokens: string[],
): Promise<void> {
  await db.deleteFrom('actor_name_index').where('actor_id', '=', actorId).execute();
  if (tokens.length === 0) return;
  await db
    .insertInto('actor_name_index')
    .values(tokens.map((token) => ({ actor_id: actorId, workspace_id: workspaceId, token })))
    .execute();
}

export async function deleteNameTokens(db: Kysely<Database>, actorId: string): Promise<void> {
  await db.deleteFrom('actor_name_index').where('actor_id', '=', actorId).execute();
}

/** Actors of the workspace holding every one of `tokens` (one token per query word). */
export async function actorsWithAllTokens(
  db: Kysely<Database>,
  workspaceId: string,
  tokens: string[],
  limit: number,
): Promise<string[]> {
  if (tokens.length === 0) return [];
  const rows = await db
    .selectFrom('actor_name_index')
    .select('actor_id')
    .where('workspace_id', '=', workspaceId)
    .where('token', 'in', tokens)
    .groupBy('actor_id')
    .having((eb) => eb.fn.count('token'), '=', tokens.length)
    .orderBy('actor_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.actor_id);
}

/** Whether the actor was erased (core table; the vault refuses to write an identity for it again). */
export async function actorOfWorkspace(db: Kysely<Database>, workspaceId: string, actorId: string) {
  return db
    .selectFrom('actors')
    .select(['id', 'erased_at'])
    .where('id', '=', actorId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}
