import { sql, type Kysely } from 'kysely';
import type { EventFilters, EventSource } from '../../domain/violence-event.js';
import type { Database } from '../schema.js';
import type {
  EventActorAliasesTable,
  ViolenceEventActorsTable,
  ViolenceEventsTable,
} from '../tables/event-data.js';
import { chunks } from './chunks.js';

/** The stored revision of each event of a conflict from one source, by the source's id. */
export async function storedRevisions(
  db: Kysely<Database>,
  conflictId: string,
  source: EventSource,
): Promise<Map<string, { id: string; revision: string }>> {
  const rows = await db
    .selectFrom('violence_events')
    .select(['id', 'source_id', 'revision'])
    .where('conflict_id', '=', conflictId)
    .where('source', '=', source)
    .execute();
  return new Map(rows.map((row) => [row.source_id, { id: row.id, revision: row.revision }]));
}

const EVENT_ROWS = 400; // 19 columns: 7,600 bound values a statement

/**
 * Writes events, new or revised, in multi-row statements: a revised event (same conflict, source and
 * source id) is overwritten in place, keeping its id. Its actor names are replaced by the new ones.
 */
export async function writeEvents(
  db: Kysely<Database>,
  events: readonly ViolenceEventsTable[],
  actors: readonly ViolenceEventActorsTable[],
  revisedIds: readonly string[],
): Promise<void> {
  for (const slice of chunks(revisedIds)) {
    await db.deleteFrom('violence_event_actors').where('event_id', 'in', slice).execute();
  }
  for (const slice of chunks(events, EVENT_ROWS)) {
    await db
      .insertInto('violence_events')
      .values(slice)
      .onConflict((oc) =>
        oc.columns(['conflict_id', 'source', 'source_id']).doUpdateSet((eb) => ({
          event_date: eb.ref('excluded.event_date'),
          date_precision: eb.ref('excluded.date_precision'),
          event_type: eb.ref('excluded.event_type'),
          sub_event_type: eb.ref('excluded.sub_event_type'),
          violence_type: eb.ref('excluded.violence_type'),
          admin1: eb.ref('excluded.admin1'),
          admin2: eb.ref('excluded.admin2'),
          location: eb.ref('excluded.location'),
          latitude: eb.ref('excluded.latitude'),
          longitude: eb.ref('excluded.longitude'),
          fatalities: eb.ref('excluded.fatalities'),
          notes: eb.ref('excluded.notes'),
          reported_by: eb.ref('excluded.reported_by'),
          revision: eb.ref('excluded.revision'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
  for (const slice of chunks(actors, 1000)) {
    await db.insertInto('violence_event_actors').values(slice).execute();
  }
}

/** Removes events of a conflict by their source ids; answers how many there were. */
export async function deleteEvents(
  db: Kysely<Database>,
  conflictId: string,
  source: EventSource,
  sourceIds: readonly string[],
): Promise<number> {
  let deleted = 0;
  for (const slice of chunks(sourceIds)) {
    const ids = db
      .selectFrom('violence_events')
      .select('id')
      .where('conflict_id', '=', conflictId)
      .where('source', '=', source)
      .where('source_id', 'in', slice);
    // SQLite enforces foreign keys per connection setting; the names go explicitly, on both engines.
    await db.deleteFrom('violence_event_actors').where('event_id', 'in', ids).execute();
    const result = await db
      .deleteFrom('violence_events')
      .where('conflict_id', '=', conflictId)
      .where('source', '=', source)
      .where('source_id', 'in', slice)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/** A conflict's events in date order, filtered by period and admin1 area, a page at a time. */
export async function listEvents(
  db: Kysely<Database>,
  conflictId: string,
  filters: EventFilters,
  page: { limit: number; offset: number },
): Promise<{
  items: (ViolenceEventsTable & { actor_names: { name: string; side: string; actor_id: string | null }[] })[];
  total: number;
}> {
  let query = db.selectFrom('violence_events').where('conflict_id', '=', conflictId);
  if (filters.from) query = query.where('event_date', '>=', filters.from);
  if (filters.to) query = query.where('event_date', '<=', filters.to);
  if (filters.area) query = query.where('admin1', '=', filters.area);
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('event_date')
    .orderBy('source')
    .orderBy('source_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const names = new Map<string, { name: string; side: string; actor_id: string | null }[]>();
  for (const slice of chunks(rows.map((row) => row.id))) {
    const found = await db
      .selectFrom('violence_event_actors as a')
      .leftJoin('event_actor_aliases as alias', (join) =>
        join.onRef('alias.conflict_id', '=', 'a.conflict_id').onRef('alias.name', '=', 'a.name'),
      )
      .select(['a.event_id', 'a.name', 'a.side', 'alias.actor_id'])
      .where('a.event_id', 'in', slice)
      .orderBy('a.event_id')
      .orderBy('a.position')
      .execute();
    for (const row of found) {
      const list = names.get(row.event_id) ?? [];
      list.push({ name: row.name, side: row.side, actor_id: row.actor_id ?? null });
      names.set(row.event_id, list);
    }
  }
  return {
    items: rows.map((row) => ({ ...row, actor_names: names.get(row.id) ?? [] })),
    total: Number(counted.n),
  };
}

/** Fatalities and events per month, admin1 area and violence type. */
export async function fatalityCells(
  db: Kysely<Database>,
  conflictId: string,
  filters: EventFilters,
): Promise<
  { month: string; admin1: string | null; violence_type: string; events: number; fatalities: number }[]
> {
  const month = sql<string>`substr(event_date, 1, 7)`;
  let query = db.selectFrom('violence_events').where('conflict_id', '=', conflictId);
  if (filters.from) query = query.where('event_date', '>=', filters.from);
  if (filters.to) query = query.where('event_date', '<=', filters.to);
  if (filters.area) query = query.where('admin1', '=', filters.area);
  const rows = await query
    .select((eb) => [
      month.as('month'),
      'admin1',
      'violence_type',
      eb.fn.countAll<number | string>().as('events'),
      eb.fn.sum<number | string>('fatalities').as('fatalities'),
    ])
    .groupBy([month, 'admin1', 'violence_type'])
    .orderBy(month)
    .orderBy('admin1')
    .orderBy('violence_type')
    .execute();
  return rows.map((row) => ({
    month: row.month,
    admin1: row.admin1,
    violence_type: row.violence_type,
    events: Number(row.events),
    fatalities: Number(row.fatalities),
  }));
}

/** The admin1 areas a conflict's events name, for the area filter. */
export async function eventAreas(db: Kysely<Database>, conflictId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('violence_events')
    .select('admin1')
    .distinct()
    .where('conflict_id', '=', conflictId)
    .where('admin1', 'is not', null)
    .orderBy('admin1')
    .execute();
  return rows.map((row) => row.admin1!);
}

export async function listAliases(
  db: Kysely<Database>,
  conflictId: string,
): Promise<EventActorAliasesTable[]> {
  return db
    .selectFrom('event_actor_aliases')
    .selectAll()
    .where('conflict_id', '=', conflictId)
    .orderBy('name')
    .execute();
}

/** Sets the actor a name stands for (a new alias, or the old one pointed elsewhere). */
export async function putAlias(
  db: Kysely<Database>,
  alias: EventActorAliasesTable,
): Promise<EventActorAliasesTable> {
  await db
    .insertInto('event_actor_aliases')
    .values(alias)
    .onConflict((oc) => oc.columns(['conflict_id', 'name']).doUpdateSet({ actor_id: alias.actor_id }))
    .execute();
  return db
    .selectFrom('event_actor_aliases')
    .selectAll()
    .where('conflict_id', '=', alias.conflict_id)
    .where('name', '=', alias.name)
    .executeTakeFirstOrThrow();
}

export async function deleteAlias(
  db: Kysely<Database>,
  conflictId: string,
  name: string,
): Promise<string | null> {
  const found = await db
    .selectFrom('event_actor_aliases')
    .select('id')
    .where('conflict_id', '=', conflictId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!found) return null;
  await db.deleteFrom('event_actor_aliases').where('id', '=', found.id).execute();
  return found.id;
}

/** The names a conflict's events give that no alias matches, most events first. */
export async function unmatchedNames(
  db: Kysely<Database>,
  conflictId: string,
): Promise<{ name: string; events: number; fatalities: number }[]> {
  const rows = await db
    .selectFrom('violence_event_actors as a')
    .innerJoin('violence_events as e', 'e.id', 'a.event_id')
    .leftJoin('event_actor_aliases as alias', (join) =>
      join.onRef('alias.conflict_id', '=', 'a.conflict_id').onRef('alias.name', '=', 'a.name'),
    )
    .select((eb) => [
      'a.name',
      eb.fn.countAll<number | string>().as('events'),
      eb.fn.sum<number | string>('e.fatalities').as('fatalities'),
    ])
    .where('a.conflict_id', '=', conflictId)
    .where('alias.id', 'is', null)
    .groupBy('a.name')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('a.name')
    .execute();
  return rows.map((row) => ({
    name: row.name,
    events: Number(row.events),
    fatalities: Number(row.fatalities),
  }));
}
