import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A version per conflict map (issue #12, the map at scale): `conflict_map_versions` holds a counter that
 * the database itself raises on every write to what the network analysis reads, so the measure cache is
 * keyed by one row instead of a digest of every actor and tie. Triggers, not application code: a write
 * by any path (service, import, restore, a future repository) cannot forget to raise it.
 *
 * Watched: actors, ties, divides, groups, actor_groups (who is on which side), tie_meetings (which
 * meetings stand behind a `met` tie, which decides who may see it) and the ground rule of meetings (the
 * same visibility rule). A conflict gets its row when it is made; conflicts present now get version 1.
 * The row's `epoch` is a random tag, so a version names one database's map and no other's.
 * SQLite raises the counter per row; PostgreSQL once per statement, over its transition tables, so an
 * import of 12,000 ties updates the row once rather than 12,000 times.
 */

/** Each watched table, and how a changed row names its conflict (`r` is the row). */
const watched: readonly { table: string; conflictOf: (r: string) => string }[] = [
  { table: 'actors', conflictOf: (r) => `${r}.conflict_id` },
  { table: 'ties', conflictOf: (r) => `${r}.conflict_id` },
  { table: 'divides', conflictOf: (r) => `${r}.conflict_id` },
  { table: 'groups', conflictOf: (r) => `(select d.conflict_id from divides d where d.id = ${r}.divide_id)` },
  {
    table: 'actor_groups',
    conflictOf: (r) => `(select d.conflict_id from divides d where d.id = ${r}.divide_id)`,
  },
  { table: 'tie_meetings', conflictOf: (r) => `(select t.conflict_id from ties t where t.id = ${r}.tie_id)` },
];

/** Meetings count only by their ground rule; their other fields (title, status, place) do not move the map. */
const meetingConflict = (r: string) =>
  `(select i.conflict_id from initiatives i where i.id = ${r}.initiative_id)`;

/**
 * A random tag given to a conflict's counter when its row is made: a database restored or made again
 * (a test's, a restore's) starts its counters at 1 too, and the tag keeps its versions apart from the
 * old ones in a cache that outlives the database.
 */
const epoch = (postgres: boolean) =>
  postgres ? `md5(random()::text || clock_timestamp()::text)` : `lower(hex(randomblob(12)))`;

const events = ['insert', 'update', 'delete'] as const;

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  for (const { table, conflictOf } of watched) {
    for (const event of events) {
      const rows = event === 'insert' ? ['new'] : event === 'delete' ? ['old'] : ['new', 'old'];
      const ids = rows.map((r) => conflictOf(r)).join(', ');
      await sql
        .raw(
          `create trigger map_version_${table}_${event} after ${event} on ${table} for each row begin ` +
            `update conflict_map_versions set version = version + 1 where conflict_id in (${ids}); end`,
        )
        .execute(db);
    }
  }
  await sql
    .raw(
      `create trigger map_version_meetings_ground_rule after update of ground_rule on meetings for each row ` +
        `when old.ground_rule is not new.ground_rule begin ` +
        `update conflict_map_versions set version = version + 1 ` +
        `where conflict_id in (${meetingConflict('new')}, ${meetingConflict('old')}); end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger map_version_conflicts_insert after insert on conflicts for each row begin ` +
        `insert into conflict_map_versions (conflict_id, version, epoch) values (new.id, 1, ${epoch(false)}) ` +
        `on conflict (conflict_id) do nothing; end`,
    )
    .execute(db);
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  for (const { table, conflictOf } of watched) {
    // One function per table: a branch names only the transition tables its event has.
    await sql
      .raw(
        `create function map_version_${table}() returns trigger language plpgsql as $$ begin
          if tg_op = 'INSERT' then
            update conflict_map_versions set version = version + 1
              where conflict_id in (select ${conflictOf('r')} from new_rows r);
          elsif tg_op = 'UPDATE' then
            update conflict_map_versions set version = version + 1
              where conflict_id in (select ${conflictOf('r')} from new_rows r
                                    union select ${conflictOf('r')} from old_rows r);
          else
            update conflict_map_versions set version = version + 1
              where conflict_id in (select ${conflictOf('r')} from old_rows r);
          end if;
          return null;
        end $$`,
      )
      .execute(db);
    const referencing = {
      insert: 'referencing new table as new_rows',
      update: 'referencing old table as old_rows new table as new_rows',
      delete: 'referencing old table as old_rows',
    };
    for (const event of events) {
      await sql
        .raw(
          `create trigger map_version_${table}_${event} after ${event} on ${table} ` +
            `${referencing[event]} for each statement execute function map_version_${table}()`,
        )
        .execute(db);
    }
  }
  await sql
    .raw(
      `create function map_version_meetings() returns trigger language plpgsql as $$ begin
        update conflict_map_versions set version = version + 1
          where conflict_id in (${meetingConflict('new')}, ${meetingConflict('old')});
        return null;
      end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger map_version_meetings_ground_rule after update of ground_rule on meetings for each row ` +
        `when (old.ground_rule is distinct from new.ground_rule) execute function map_version_meetings()`,
    )
    .execute(db);
  await sql
    .raw(
      `create function map_version_conflicts() returns trigger language plpgsql as $$ begin
        insert into conflict_map_versions (conflict_id, version, epoch) values (new.id, 1, ${epoch(true)})
          on conflict (conflict_id) do nothing;
        return null;
      end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger map_version_conflicts_insert after insert on conflicts for each row ` +
        `execute function map_version_conflicts()`,
    )
    .execute(db);
}

export const mapVersionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('conflict_map_versions')
      .addColumn('conflict_id', 'text', (c) => c.primaryKey().references('conflicts.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('epoch', 'text', (c) => c.notNull())
      .execute();
    const postgres = isPostgres(db);
    await sql
      .raw(
        `insert into conflict_map_versions (conflict_id, version, epoch) select id, 1, ${epoch(postgres)} from conflicts`,
      )
      .execute(db);
    if (postgres) await upPostgres(db);
    else await upSqlite(db);
  },

  async down(db: Kysely<unknown>) {
    const postgres = isPostgres(db);
    const triggers = [
      ...watched.flatMap(({ table }) => events.map((event) => [`map_version_${table}_${event}`, table])),
      ['map_version_meetings_ground_rule', 'meetings'],
      ['map_version_conflicts_insert', 'conflicts'],
    ];
    for (const [name, table] of triggers) {
      await sql.raw(`drop trigger if exists ${name}${postgres ? ` on ${table}` : ''}`).execute(db);
    }
    if (postgres) {
      for (const name of [...watched.map(({ table }) => table), 'meetings', 'conflicts']) {
        await sql.raw(`drop function if exists map_version_${name}()`).execute(db);
      }
    }
    await db.schema.dropTable('conflict_map_versions').ifExists().execute();
  },
};
