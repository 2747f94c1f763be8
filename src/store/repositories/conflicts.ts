import type { Kysely, Selectable } from 'kysely';
import type { Conflict, ConflictEvent, Divide, Group } from '../../domain/conflict.js';
import type { ConflictEventKind } from '../../domain/vocabulary.js';
import { mapStoreErrors } from '../errors.js';
import { onlyColumns } from './columns.js';
import { newId, nowIso } from '../ids.js';
import type { Database } from '../schema.js';
import type { ConflictsTable } from '../tables/core.js';

export interface NewGroup {
  id?: string;
  name: string;
  color?: string | null;
}

export interface NewDivide {
  id?: string;
  name: string;
  groups?: readonly NewGroup[];
}

export interface NewConflict {
  id?: string;
  workspace_id: string;
  name: string;
  description?: string;
  started_on?: string | null;
  ended_on?: string | null;
  divides?: readonly NewDivide[];
  created_at?: string;
}

export interface ConflictChanges {
  name?: string;
  description?: string;
  started_on?: string | null;
  ended_on?: string | null;
}

export interface NewConflictEvent {
  id?: string;
  conflict_id: string;
  kind: ConflictEventKind;
  occurred_on: string;
  title: string;
}

export interface ConflictEventChanges {
  kind?: ConflictEventKind;
  occurred_on?: string;
  title?: string;
}

async function dividesOf(
  db: Kysely<Database>,
  conflictIds: readonly string[],
): Promise<Map<string, Divide[]>> {
  const byConflict = new Map<string, Divide[]>();
  if (conflictIds.length === 0) return byConflict;
  const divides = await db
    .selectFrom('divides')
    .selectAll()
    .where('conflict_id', 'in', [...conflictIds])
    .orderBy('position')
    .orderBy('name')
    .execute();
  const groups =
    divides.length === 0
      ? []
      : await db
          .selectFrom('groups')
          .selectAll()
          .where(
            'divide_id',
            'in',
            divides.map((divide) => divide.id),
          )
          .orderBy('position')
          .orderBy('name')
          .execute();
  const groupsByDivide = new Map<string, Group[]>();
  for (const { position: _position, ...group } of groups) {
    const list = groupsByDivide.get(group.divide_id) ?? [];
    list.push(group);
    groupsByDivide.set(group.divide_id, list);
  }
  for (const { position: _position, ...divide } of divides) {
    const list = byConflict.get(divide.conflict_id) ?? [];
    list.push({ ...divide, groups: groupsByDivide.get(divide.id) ?? [] });
    byConflict.set(divide.conflict_id, list);
  }
  return byConflict;
}

async function withDivides(db: Kysely<Database>, rows: Selectable<ConflictsTable>[]): Promise<Conflict[]> {
  const divides = await dividesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, divides: divides.get(row.id) ?? [] }));
}

/** Creates the conflict with its divides and their groups. */
export async function createConflict(db: Kysely<Database>, input: NewConflict): Promise<Conflict> {
  const id = input.id ?? newId();
  await mapStoreErrors(
    () =>
      db
        .insertInto('conflicts')
        .values({
          id,
          workspace_id: input.workspace_id,
          name: input.name,
          description: input.description ?? '',
          started_on: input.started_on ?? null,
          ended_on: input.ended_on ?? null,
          created_at: input.created_at ?? nowIso(),
        })
        .execute(),
    { record: 'conflict' },
  );
  for (const [position, divide] of (input.divides ?? []).entries()) {
    await addDivide(db, id, divide, position);
  }
  return (await getConflict(db, id))!;
}

export async function getConflict(db: Kysely<Database>, id: string): Promise<Conflict | undefined> {
  const row = await db.selectFrom('conflicts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withDivides(db, [row]))[0];
}

export async function listConflicts(db: Kysely<Database>, workspaceId: string): Promise<Conflict[]> {
  const rows = await db
    .selectFrom('conflicts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return withDivides(db, rows);
}

export async function updateConflict(
  db: Kysely<Database>,
  id: string,
  patch: ConflictChanges,
): Promise<Conflict | undefined> {
  const changes = onlyColumns(patch, ['name', 'description', 'started_on', 'ended_on']);
  if (Object.keys(changes).length > 0) {
    await mapStoreErrors(() => db.updateTable('conflicts').set(changes).where('id', '=', id).execute(), {
      record: 'conflict',
    });
  }
  return getConflict(db, id);
}

/** Refused with TT_ERR_CONFLICT while initiatives still belong to the conflict. */
export async function deleteConflict(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await mapStoreErrors(
    () => db.deleteFrom('conflicts').where('id', '=', id).executeTakeFirst(),
    {
      record: 'conflict',
      foreignKey: 'TT_ERR_CONFLICT',
    },
  );
  return Number(result.numDeletedRows) > 0;
}

export async function addDivide(
  db: Kysely<Database>,
  conflictId: string,
  input: NewDivide,
  position?: number,
): Promise<Divide> {
  const id = input.id ?? newId();
  const at =
    position ??
    Number(
      (
        await db
          .selectFrom('divides')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('conflict_id', '=', conflictId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  await mapStoreErrors(
    () =>
      db
        .insertInto('divides')
        .values({ id, conflict_id: conflictId, name: input.name, position: at })
        .execute(),
    { record: 'divide' },
  );
  const groups: Group[] = [];
  for (const [index, group] of (input.groups ?? []).entries()) {
    groups.push(await addGroup(db, id, group, index));
  }
  return { id, conflict_id: conflictId, name: input.name, groups };
}

export async function getDivide(db: Kysely<Database>, id: string): Promise<Divide | undefined> {
  const row = await db
    .selectFrom('divides')
    .select(['id', 'conflict_id', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const groups = await db
    .selectFrom('groups')
    .select(['id', 'divide_id', 'name', 'color'])
    .where('divide_id', '=', id)
    .orderBy('position')
    .orderBy('name')
    .execute();
  return { ...row, groups };
}

export async function renameDivide(db: Kysely<Database>, id: string, name: string): Promise<boolean> {
  const result = await mapStoreErrors(
    () => db.updateTable('divides').set({ name }).where('id', '=', id).executeTakeFirst(),
    { record: 'divide' },
  );
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the divide, its groups and the memberships in them. */
export async function deleteDivide(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('divides').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function addGroup(
  db: Kysely<Database>,
  divideId: string,
  input: NewGroup,
  position?: number,
): Promise<Group> {
  const group = {
    id: input.id ?? newId(),
    divide_id: divideId,
    name: input.name,
    color: input.color ?? null,
  };
  const at =
    position ??
    Number(
      (
        await db
          .selectFrom('groups')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('divide_id', '=', divideId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  await mapStoreErrors(
    () =>
      db
        .insertInto('groups')
        .values({ ...group, position: at })
        .execute(),
    {
      record: 'group',
    },
  );
  return group;
}

/** The group with the conflict it belongs to (through its divide), for scope checks. */
export async function getGroup(
  db: Kysely<Database>,
  id: string,
): Promise<(Group & { conflict_id: string }) | undefined> {
  return db
    .selectFrom('groups')
    .innerJoin('divides', 'divides.id', 'groups.divide_id')
    .select(['groups.id', 'groups.divide_id', 'groups.name', 'groups.color', 'divides.conflict_id'])
    .where('groups.id', '=', id)
    .executeTakeFirst();
}

export async function updateGroup(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string; color?: string | null },
): Promise<boolean> {
  if (Object.keys(changes).length === 0) return (await getGroup(db, id)) !== undefined;
  const result = await mapStoreErrors(
    () => db.updateTable('groups').set(changes).where('id', '=', id).executeTakeFirst(),
    { record: 'group' },
  );
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteGroup(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('groups').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function createConflictEvent(
  db: Kysely<Database>,
  input: NewConflictEvent,
): Promise<ConflictEvent> {
  const event: ConflictEvent = {
    id: input.id ?? newId(),
    conflict_id: input.conflict_id,
    kind: input.kind,
    occurred_on: input.occurred_on,
    title: input.title,
  };
  await mapStoreErrors(() => db.insertInto('conflict_events').values(event).execute(), { record: 'event' });
  return event;
}

export async function getConflictEvent(db: Kysely<Database>, id: string): Promise<ConflictEvent | undefined> {
  return db.selectFrom('conflict_events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The official timeline of a conflict, oldest first, optionally within [from, to]. */
export async function listConflictEvents(
  db: Kysely<Database>,
  conflictId: string,
  range: { from?: string; to?: string } = {},
): Promise<ConflictEvent[]> {
  let query = db
    .selectFrom('conflict_events')
    .selectAll()
    .where('conflict_id', '=', conflictId)
    .orderBy('occurred_on')
    .orderBy('id');
  if (range.from) query = query.where('occurred_on', '>=', range.from);
  if (range.to) query = query.where('occurred_on', '<=', range.to);
  return query.execute();
}

export async function updateConflictEvent(
  db: Kysely<Database>,
  id: string,
  patch: ConflictEventChanges,
): Promise<ConflictEvent | undefined> {
  const changes = onlyColumns(patch, ['kind', 'occurred_on', 'title']);
  if (Object.keys(changes).length > 0) {
    await mapStoreErrors(
      () => db.updateTable('conflict_events').set(changes).where('id', '=', id).execute(),
      {
        record: 'event',
      },
    );
  }
  return getConflictEvent(db, id);
}

export async function deleteConflictEvent(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('conflict_events').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
