import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A meeting's minutes and working notes (issue #12): one row per meeting and kind, the whole text, gone
 * with its meeting. Under the Chatham House rule the service refuses minutes that name an attendee.
 */
export const meetingMinutesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('meeting_texts')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_texts_pk', ['meeting_id', 'kind'])
      .addCheckConstraint('meeting_texts_kind', sql`kind in ('minutes', 'notes')`)
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('meeting_texts').ifExists().execute();
  },
};
