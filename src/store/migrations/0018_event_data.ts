import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Event data of the violence around a process (issue #15): events imported from ACLED or UCDP GED (or
 * entered by hand), the actor names each event gives, and the convener's alias list that maps those names
 * to actors of the map. Names are kept as the source spells them; the match is made at read time through
 * the aliases, so a new alias applies to every event already imported and nothing is guessed.
 */
export const eventDataMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('violence_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('event_date', 'text', (c) => c.notNull())
      .addColumn('date_precision', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('sub_event_type', 'text')
      .addColumn('violence_type', 'text', (c) => c.notNull())
      .addColumn('admin1', 'text')
      .addColumn('admin2', 'text')
      .addColumn('location', 'text')
      .addColumn('latitude', 'double precision')
      .addColumn('longitude', 'double precision')
      .addColumn('fatalities', 'integer', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('reported_by', 'text')
      .addColumn('revision', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('violence_events_source_id', ['conflict_id', 'source', 'source_id'])
      .addCheckConstraint('violence_events_source', sql`source in ('acled', 'ucdp', 'manual')`)
      .addCheckConstraint(
        'violence_events_date_precision',
        sql`date_precision in ('day', 'week', 'month', 'year')`,
      )
      .addCheckConstraint('violence_events_fatalities', sql`fatalities >= 0`)
      .execute();
    await db.schema
      .createIndex('violence_events_by_date')
      .on('violence_events')
      .columns(['conflict_id', 'event_date'])
      .execute();

    await db.schema
      .createTable('violence_event_actors')
      .addColumn('event_id', 'text', (c) => c.notNull().references('violence_events.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      /** `1`/`2` (ACLED actor1 and its associates, actor2 and its), `a`/`b` (UCDP side_a, side_b). */
      .addColumn('side', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('violence_event_actors_pk', ['event_id', 'position'])
      .execute();
    await db.schema
      .createIndex('violence_event_actors_by_name')
      .on('violence_event_actors')
      .columns(['conflict_id', 'name'])
      .execute();

    await db.schema
      .createTable('event_actor_aliases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('event_actor_aliases_name', ['conflict_id', 'name'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('event_actor_aliases').ifExists().execute();
    await db.schema.dropTable('violence_event_actors').ifExists().execute();
    await db.schema.dropTable('violence_events').ifExists().execute();
  },
};
