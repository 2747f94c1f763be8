import type { Kysely, Selectable } from 'kysely';
import type { Actor, ActorGroup } from '../../domain/actor.js';
import type { PageOf } from '../../domain/scalars.js';
import type { ActorKind, ActorRole, Gender, Track } from '../../domain/vocabulary.js';
import { TrackTwoError } from '../../domain/errors.js';
import { byText } from '../../domain/order.js';
import { mapStoreErrors } from '../errors.js';
import { chunks } from './chunks.js';
import { onlyColumns } from './columns.js';
import { newId, nowIso, randomPseudonym } from '../ids.js';
import type { Database } from '../schema.js';
import type { ActorsTable } from '../tables/core.js';

export interface NewActor {
  id?: string;
  workspace_id: string;
  conflict_id: string;
  /** Given by an import that keeps pseudonyms; otherwise generated, unique in the workspace. */
  pseudonym?: string;
  kind: ActorKind;
  role: ActorRole;
  track: Track;
  gender: Gender | null;
  region?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  groups?: readonly ActorGroup[];
  created_at?: string;
}

export interface ActorChanges {
  kind?: ActorKind;
  role?: ActorRole;
  track?: Track;
  gender?: Gender | null;
  region?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** Replaces every membership when given. */
  groups?: readonly ActorGroup[];
}

export interface ActorListFilter {
  conflict_id?: string;
  kind?: ActorKind;
  role?: ActorRole;
  track?: Track;
  gender?: Gender;
  group_id?: string;
  region?: string;
  /** Part of a pseudonym, any case. */
  q?: string;
  include_erased?: boolean;
  /** Restrict to these actors (e.g. found through the vault's name index). */
  ids?: readonly string[];
  limit?: number;
  offset?: number;
}

const PSEUDONYM_ATTEMPTS = 20;

async function groupsOf(
  db: Kysely<Database>,
  actorIds: readonly string[],
): Promise<Map<string, ActorGroup[]>> {
  const byActor = new Map<string, ActorGroup[]>();
  for (const chunk of chunks(actorIds)) {
    const rows = await db
      .selectFrom('actor_groups')
      .select(['actor_id', 'divide_id', 'group_id'])
      .where('actor_id', 'in', chunk)
      .orderBy('divide_id')
      .execute();
    for (const row of rows) {
      const list = byActor.get(row.actor_id) ?? [];
      list.push({ divide_id: row.divide_id, group_id: row.group_id });
      byActor.set(row.actor_id, list);
    }
  }
  return byActor;
}

async function withGroups(db: Kysely<Database>, rows: Selectable<ActorsTable>[]): Promise<Actor[]> {
  const groups = await groupsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, groups: groups.get(row.id) ?? [] }));
}

/** A pseudonym not yet used in the workspace. */
export async function freshPseudonym(db: Kysely<Database>, workspaceId: string): Promise<string> {
  for (let attempt = 0; attempt < PSEUDONYM_ATTEMPTS; attempt += 1) {
    const candidate = randomPseudonym();
    const taken = await db
      .selectFrom('actors')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('pseudonym', '=', candidate)
      .executeTakeFirst();
    if (!taken) return candidate;
  }
  throw new TrackTwoError('TT_ERR_CONFLICT', { reason: 'no free pseudonym found: retry' });
}

/** Memberships must name divides of the actor's own conflict (the table proves group-in-divide). */
async function checkDividesOfConflict(
  db: Kysely<Database>,
  conflictId: string,
  groups: readonly ActorGroup[],
): Promise<void> {
  if (groups.length === 0) return;
  const divideIds = [...new Set(groups.map((group) => group.divide_id))];
  const found = await db
    .selectFrom('divides')
    .select('id')
    .where('id', 'in', divideIds)
    .where('conflict_id', '=', conflictId)
    .execute();
  if (found.length !== divideIds.length) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'groups',
      reason: "a group's divide does not belong to the actor's conflict",
    });
  }
}

async function writeGroups(
  db: Kysely<Database>,
  actorId: string,
  groups: readonly ActorGroup[],
): Promise<void> {
  await db.deleteFrom('actor_groups').where('actor_id', '=', actorId).execute();
  if (groups.length === 0) return;
  await mapStoreErrors(
    () =>
      db
        .insertInto('actor_groups')
        .values(
          groups.map((group) => ({
            actor_id: actorId,
            divide_id: group.divide_id,
            group_id: group.group_id,
          })),
        )
        .execute(),
    { record: 'group membership' },
  );
}

/**
 * Checks the batch against the database in a few queries, whatever its size: each conflict belongs to
 * its workspace, each membership's divide to the actor's conflict. Errors name the batch `index`.
 */
async function checkActorBatch(db: Kysely<Database>, inputs: readonly NewActor[]): Promise<void> {
  const conflictIds = [...new Set(inputs.map((input) => input.conflict_id))];
  const conflicts = new Map<string, string>();
  for (const chunk of chunks(conflictIds)) {
    const rows = await db
      .selectFrom('conflicts')
      .select(['id', 'workspace_id'])
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) conflicts.set(row.id, row.workspace_id);
  }
  const divideIds = [
    ...new Set(inputs.flatMap((input) => (input.groups ?? []).map((group) => group.divide_id))),
  ];
  const divides = new Map<string, string>();
  for (const chunk of chunks(divideIds)) {
    const rows = await db
      .selectFrom('divides')
      .select(['id', 'conflict_id'])
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) divides.set(row.id, row.conflict_id);
  }
  inputs.forEach((input, index) => {
    if (conflicts.get(input.conflict_id) !== input.workspace_id) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'conflict_id',
        reason: 'no such conflict in this workspace',
        index,
      });
    }
    const seen = new Set<string>();
    for (const group of input.groups ?? []) {
      if (divides.get(group.divide_id) !== input.conflict_id) {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: 'groups',
          reason: "a group's divide does not belong to the actor's conflict",
          index,
        });
      }
      if (seen.has(group.divide_id)) {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: 'groups',
          reason: 'an actor belongs to at most one group per divide',
          index,
        });
      }
      seen.add(group.divide_id);
    }
  });
}

/** Pseudonyms for the batch: given ones kept, the others drawn fresh, unique in each workspace. */
async function pseudonymsFor(db: Kysely<Database>, inputs: readonly NewActor[]): Promise<string[]> {
  const chosen: Array<string | undefined> = inputs.map((input) => input.pseudonym);
  const byWorkspace = new Map<string, number[]>();
  inputs.forEach((input, index) => {
    if (input.pseudonym === undefined) {
      byWorkspace.set(input.workspace_id, [...(byWorkspace.get(input.workspace_id) ?? []), index]);
    }
  });
  for (const [workspaceId, indexes] of byWorkspace) {
    const used = new Set(
      inputs
        .filter((input) => input.workspace_id === workspaceId && input.pseudonym)
        .map((i) => i.pseudonym!),
    );
    let pending = indexes;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt >= PSEUDONYM_ATTEMPTS) {
        throw new TrackTwoError('TT_ERR_CONFLICT', { reason: 'no free pseudonym found: retry' });
      }
      const drawn = new Map<number, string>();
      for (const index of pending) {
        let candidate = randomPseudonym();
        while (used.has(candidate)) candidate = randomPseudonym();
        used.add(candidate);
        drawn.set(index, candidate);
      }
      const candidates = [...drawn.values()];
      const taken = new Set<string>();
      for (const chunk of chunks(candidates)) {
        const rows = await db
          .selectFrom('actors')
          .select('pseudonym')
          .where('workspace_id', '=', workspaceId)
          .where('pseudonym', 'in', chunk)
          .execute();
        for (const row of rows) taken.add(row.pseudonym);
      }
      pending = [];
      for (const [index, candidate] of drawn) {
        if (taken.has(candidate)) pending.push(index);
        else chosen[index] = candidate;
      }
    }
  }
  return chosen.map((pseudonym) => pseudonym!);
}

/**
 * Inserts many actors with their memberships in a few statements (imports, the demo). All or nothing
 * when run in a transaction; a validation error names the failing `index` of the batch.
 */
export async function insertActors(db: Kysely<Database>, inputs: readonly NewActor[]): Promise<Actor[]> {
  if (inputs.length === 0) return [];
  await checkActorBatch(db, inputs);
  const pseudonyms = await pseudonymsFor(db, inputs);
  const at = nowIso();
  const actors: Actor[] = inputs.map((input, index) => ({
    id: input.id ?? newId(),
    workspace_id: input.workspace_id,
    conflict_id: input.conflict_id,
    pseudonym: pseudonyms[index],
    kind: input.kind,
    role: input.role,
    track: input.track,
    gender: input.gender,
    region: input.region ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    created_at: input.created_at ?? at,
    updated_at: input.created_at ?? at,
    erased_at: null,
    groups: [...(input.groups ?? [])]
      .map((group) => ({ divide_id: group.divide_id, group_id: group.group_id }))
      .sort((a, b) => byText(a.divide_id, b.divide_id)),
  }));
  for (const chunk of chunks(actors)) {
    // Coordinates are written only when there are some (columns of migration 0009 an insert may leave out).
    // One shape per statement: every row of the chunk names the same columns.
    const placed = chunk.some((actor) => actor.latitude !== null || actor.longitude !== null);
    const rows = chunk.map(({ groups: _groups, latitude, longitude, ...row }) =>
      placed ? { ...row, latitude, longitude } : row,
    );
    await mapStoreErrors(() => db.insertInto('actors').values(rows).execute(), { record: 'actor' });
  }
  const memberships = actors.flatMap((actor) =>
    actor.groups.map((group) => ({
      actor_id: actor.id,
      divide_id: group.divide_id,
      group_id: group.group_id,
    })),
  );
  for (const chunk of chunks(memberships)) {
    await mapStoreErrors(() => db.insertInto('actor_groups').values(chunk).execute(), {
      record: 'group membership',
    });
  }
  return actors;
}

export async function createActor(db: Kysely<Database>, input: NewActor): Promise<Actor> {
  const [actor] = await insertActors(db, [input]);
  return actor;
}

export async function getActor(db: Kysely<Database>, id: string): Promise<Actor | undefined> {
  const row = await db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withGroups(db, [row]))[0];
}

export async function getActorByPseudonym(
  db: Kysely<Database>,
  workspaceId: string,
  pseudonym: string,
): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('actors')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('pseudonym', '=', pseudonym.toUpperCase())
    .executeTakeFirst();
  return row && (await withGroups(db, [row]))[0];
}

/** The actors of `ids` that exist, in no particular order. */
export async function getActorsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Actor[]> {
  const rows: Selectable<ActorsTable>[] = [];
  for (const chunk of chunks([...new Set(ids)])) {
    rows.push(...(await db.selectFrom('actors').selectAll().where('id', 'in', chunk).execute()));
  }
  return withGroups(db, rows);
}

/** A page of a workspace's actors, ordered by pseudonym; `total` counts every match. */
export async function listActors(
  db: Kysely<Database>,
  workspaceId: string,
  filter: ActorListFilter = {},
): Promise<PageOf<Actor>> {
  const limit = filter.limit ?? 50;
  const offset = filter.offset ?? 0;
  if (filter.ids && filter.ids.length === 0) return { items: [], total: 0, limit, offset };
  let query = db.selectFrom('actors').where('actors.workspace_id', '=', workspaceId);
  if (filter.conflict_id) query = query.where('actors.conflict_id', '=', filter.conflict_id);
  if (filter.kind) query = query.where('actors.kind', '=', filter.kind);
  if (filter.role) query = query.where('actors.role', '=', filter.role);
  if (filter.track) query = query.where('actors.track', '=', filter.track);
  if (filter.gender) query = query.where('actors.gender', '=', filter.gender);
  if (filter.region) query = query.where('actors.region', '=', filter.region);
  if (!filter.include_erased) query = query.where('actors.erased_at', 'is', null);
  if (filter.ids) query = query.where('actors.id', 'in', [...filter.ids]);
  if (filter.q !== undefined) {
    // Pseudonyms hold only A-Z, 2-9 and '-', so the needle keeps only those: no LIKE wildcard can slip in,
    // and upper-casing makes the search case-insensitive on both engines.
    const needle = filter.q.toUpperCase().replace(/[^A-Z0-9-]/g, '');
    query = query.where('actors.pseudonym', 'like', `%${needle}%`);
  }
  if (filter.group_id) {
    const groupId = filter.group_id;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('actor_groups')
          .select('actor_groups.actor_id')
          .whereRef('actor_groups.actor_id', '=', 'actors.id')
          .where('actor_groups.group_id', '=', groupId),
      ),
    );
  }
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('actors')
    .orderBy('actors.pseudonym')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: await withGroups(db, rows), total: Number(counted.n), limit, offset };
}

export async function updateActor(
  db: Kysely<Database>,
  id: string,
  changes: ActorChanges,
): Promise<Actor | undefined> {
  const current = await db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) return undefined;
  const { groups } = changes;
  const fields = onlyColumns(changes, ['kind', 'role', 'track', 'gender', 'region', 'latitude', 'longitude']);
  const kind = fields.kind ?? current.kind;
  const gender = fields.gender !== undefined ? fields.gender : current.gender;
  if (kind === 'organisation' && gender !== null) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'gender',
      reason: 'an organisation has no gender',
    });
  }
  if (kind === 'person' && gender === null) {
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'gender', reason: 'a person needs a gender' });
  }
  if (groups) await checkDividesOfConflict(db, current.conflict_id, groups);
  await mapStoreErrors(
    () =>
      db
        .updateTable('actors')
        .set({ ...fields, updated_at: nowIso() })
        .where('id', '=', id)
        .execute(),
    { record: 'actor' },
  );
  if (groups) await writeGroups(db, id, groups);
  return getActor(db, id);
}

/** Replaces the actor's memberships (one group per divide). */
export async function setActorGroups(
  db: Kysely<Database>,
  actorId: string,
  groups: readonly ActorGroup[],
): Promise<Actor | undefined> {
  return updateActor(db, actorId, { groups });
}

/**
 * Marks the record erased. The pseudonymous record stays (ties and counts keep their meaning); the
 * identity itself is shredded by the vault in the same transaction.
 */
export async function markActorErased(
  db: Kysely<Database>,
  id: string,
  at: string = nowIso(),
): Promise<boolean> {
  const result = await db
    .updateTable('actors')
    .set({ erased_at: at, updated_at: at })
    .where('id', '=', id)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the record and, by cascade, its ties, memberships and attendances. */
export async function deleteActor(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await mapStoreErrors(() => db.deleteFrom('actors').where('id', '=', id).executeTakeFirst(), {
    record: 'actor',
    foreignKey: 'TT_ERR_CONFLICT',
  });
  return Number(result.numDeletedRows) > 0;
}
