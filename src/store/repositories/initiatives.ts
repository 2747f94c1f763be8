import type { Kysely, Selectable } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import type { Initiative, InitiativeActor } from '../../domain/initiative.js';
import type { InitiativeStatus } from '../../domain/vocabulary.js';
import { mapStoreErrors } from '../errors.js';
import { onlyColumns } from './columns.js';
import { newId, nowIso } from '../ids.js';
import type { Database } from '../schema.js';
import type { InitiativesTable } from '../tables/core.js';

export interface InitiativeChanges {
  name?: string;
  aims?: string;
  status?: InitiativeStatus;
  started_on?: string | null;
  ended_on?: string | null;
  funding_needed?: number | null;
  funding_pledged?: number | null;
  inclusion_target_women?: number | null;
  /** Conveners and third-party facilitators (actors of the same workspace); on a change, replaces them. */
  actors?: readonly InitiativeActor[];
}

export interface NewInitiative extends InitiativeChanges {
  id?: string;
  workspace_id: string;
  conflict_id: string;
  name: string;
  created_at?: string;
}

export interface InitiativeListFilter {
  conflict_id?: string;
  status?: InitiativeStatus;
  /** Only these (the initiatives an account holds a role in). */
  ids?: readonly string[];
}

async function actorsOf(
  db: Kysely<Database>,
  initiativeIds: readonly string[],
): Promise<Map<string, InitiativeActor[]>> {
  const byInitiative = new Map<string, InitiativeActor[]>();
  if (initiativeIds.length === 0) return byInitiative;
  const rows = await db
    .selectFrom('initiative_actors')
    .selectAll()
    .where('initiative_id', 'in', [...initiativeIds])
    .orderBy('capacity')
    .orderBy('actor_id')
    .execute();
  for (const row of rows) {
    const list = byInitiative.get(row.initiative_id) ?? [];
    list.push({ actor_id: row.actor_id, capacity: row.capacity });
    byInitiative.set(row.initiative_id, list);
  }
  return byInitiative;
}

async function withActors(db: Kysely<Database>, rows: Selectable<InitiativesTable>[]): Promise<Initiative[]> {
  const actors = await actorsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, actors: actors.get(row.id) ?? [] }));
}

async function checkActorsOfWorkspace(
  db: Kysely<Database>,
  workspaceId: string,
  actors: readonly InitiativeActor[],
): Promise<void> {
  const ids = [...new Set(actors.map((actor) => actor.actor_id))];
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('actors')
    .select('id')
    .where('id', 'in', ids)
    .where('workspace_id', '=', workspaceId)
    .execute();
  if (found.length !== ids.length) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'actors',
      reason: 'a convener or facilitator is not an actor of this workspace',
    });
  }
}

async function writeActors(
  db: Kysely<Database>,
  initiativeId: string,
  actors: readonly InitiativeActor[],
): Promise<void> {
  await db.deleteFrom('initiative_actors').where('initiative_id', '=', initiativeId).execute();
  if (actors.length === 0) return;
  await mapStoreErrors(
    () =>
      db
        .insertInto('initiative_actors')
        .values(actors.map((actor) => ({ initiative_id: initiativeId, ...actor })))
        .execute(),
    { record: 'initiative actor' },
  );
}

export async function createInitiative(db: Kysely<Database>, input: NewInitiative): Promise<Initiative> {
  const conflict = await db
    .selectFrom('conflicts')
    .select('id')
    .where('id', '=', input.conflict_id)
    .where('workspace_id', '=', input.workspace_id)
    .executeTakeFirst();
  if (!conflict) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'conflict_id',
      reason: 'no such conflict in this workspace',
    });
  }
  const actors = input.actors ?? [];
  await checkActorsOfWorkspace(db, input.workspace_id, actors);
  const id = input.id ?? newId();
  await mapStoreErrors(
    () =>
      db
        .insertInto('initiatives')
        .values({
          id,
          workspace_id: input.workspace_id,
          conflict_id: input.conflict_id,
          name: input.name,
          aims: input.aims ?? '',
          status: input.status ?? 'planned',
          started_on: input.started_on ?? null,
          ended_on: input.ended_on ?? null,
          funding_needed: input.funding_needed ?? null,
          funding_pledged: input.funding_pledged ?? null,
          inclusion_target_women: input.inclusion_target_women ?? null,
          created_at: input.created_at ?? nowIso(),
        })
        .execute(),
    { record: 'initiative' },
  );
  await writeActors(db, id, actors);
  return (await getInitiative(db, id))!;
}

export async function getInitiative(db: Kysely<Database>, id: string): Promise<Initiative | undefined> {
  const row = await db.selectFrom('initiatives').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withActors(db, [row]))[0];
}

export async function listInitiatives(
  db: Kysely<Database>,
  workspaceId: string,
  filter: InitiativeListFilter = {},
): Promise<Initiative[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('initiatives')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id');
  if (filter.conflict_id) query = query.where('conflict_id', '=', filter.conflict_id);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
  return withActors(db, await query.execute());
}

export async function updateInitiative(
  db: Kysely<Database>,
  id: string,
  changes: InitiativeChanges,
): Promise<Initiative | undefined> {
  const current = await db.selectFrom('initiatives').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) return undefined;
  const { actors } = changes;
  const fields = onlyColumns(changes, [
    'name',
    'aims',
    'status',
    'started_on',
    'ended_on',
    'funding_needed',
    'funding_pledged',
    'inclusion_target_women',
  ]);
  const merged = { ...current, ...fields };
  if (merged.started_on && merged.ended_on && merged.started_on > merged.ended_on) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'ended_on',
      reason: 'ended_on must be on or after started_on',
    });
  }
  if (Object.keys(fields).length > 0) {
    await mapStoreErrors(() => db.updateTable('initiatives').set(fields).where('id', '=', id).execute(), {
      record: 'initiative',
    });
  }
  if (actors) {
    await checkActorsOfWorkspace(db, current.workspace_id, actors);
    await writeActors(db, id, actors);
  }
  return getInitiative(db, id);
}

/** Deletes the initiative with its meetings, attendances, outcomes and transfers (ties stay). */
export async function deleteInitiative(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await mapStoreErrors(
    () => db.deleteFrom('initiatives').where('id', '=', id).executeTakeFirst(),
    {
      record: 'initiative',
      foreignKey: 'TT_ERR_CONFLICT',
    },
  );
  return Number(result.numDeletedRows) > 0;
}

/** The initiatives an actor serves as convener or facilitator. */
export async function listInitiativesOfActor(
  db: Kysely<Database>,
  actorId: string,
): Promise<Array<{ initiative_id: string; capacity: InitiativeActor['capacity'] }>> {
  return db
    .selectFrom('initiative_actors')
    .select(['initiative_id', 'capacity'])
    .where('actor_id', '=', actorId)
    .orderBy('initiative_id')
    .execute();
}
