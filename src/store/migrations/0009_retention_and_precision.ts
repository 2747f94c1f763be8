import { sql, type Kysely, type Migration } from 'kysely';
import { locationPrecisions } from '../../domain/location-precision.js';

const periodCheck = (column: string) =>
  sql`${sql.ref(column)} is null or ${sql.ref(column)} between 1 and 3650`;

/**
 * Retention and location precision (issue #11). Each initiative may keep identities, attendance and raw
 * survey answers for a number of days (`initiative_privacy`, no row = keep everything, coordinates not kept);
 * the records a period has outlived are first marked `deleted_at` (hidden from every read) and purged after
 * a grace period. Meetings and actors gain optional coordinates, stored no finer than the initiative allows
 * (the area stays in `meetings.place` and `actors.region`).
 */
export const retentionAndPrecisionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('initiative_privacy')
      .addColumn('initiative_id', 'text', (c) =>
        c.primaryKey().references('initiatives.id').onDelete('cascade'),
      )
      .addColumn('identities_days', 'integer')
      .addColumn('attendance_days', 'integer')
      .addColumn('answers_days', 'integer')
      .addColumn('location_precision', 'text', (c) => c.notNull().defaultTo('area'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'initiative_privacy_precision',
        sql`location_precision in (${sql.join(locationPrecisions.map((p) => sql.lit(p)))})`,
      )
      .addCheckConstraint('initiative_privacy_identities', periodCheck('identities_days'))
      .addCheckConstraint('initiative_privacy_attendance', periodCheck('attendance_days'))
      .addCheckConstraint('initiative_privacy_answers', periodCheck('answers_days'))
      .execute();
    for (const table of ['attendances', 'survey_responses', 'actor_identities']) {
      await db.schema.alterTable(table).addColumn('deleted_at', 'text').execute();
    }
    for (const table of ['meetings', 'actors']) {
      await db.schema.alterTable(table).addColumn('latitude', 'double precision').execute();
      await db.schema.alterTable(table).addColumn('longitude', 'double precision').execute();
    }
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['meetings', 'actors']) {
      await db.schema.alterTable(table).dropColumn('longitude').execute();
      await db.schema.alterTable(table).dropColumn('latitude').execute();
    }
    for (const table of ['attendances', 'survey_responses', 'actor_identities']) {
      await db.schema.alterTable(table).dropColumn('deleted_at').execute();
    }
    await db.schema.dropTable('initiative_privacy').ifExists().execute();
  },
};
