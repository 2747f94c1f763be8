import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The meetings behind each `met` tie, so a tie that only a Chatham House or closed meeting made can be
 * kept from those who may not see that meeting's attendance. Rows go with their tie or their meeting.
 * Existing ties get the meetings both of their actors attended (in the tie's conflict): attendance is
 * the only record of where they met.
 */
export const tieMeetingsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tie_meetings')
      .addColumn('tie_id', 'text', (c) => c.notNull().references('ties.id').onDelete('cascade'))
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('tie_meetings_pk', ['tie_id', 'meeting_id'])
      .execute();
    await db.schema.createIndex('tie_meetings_meeting').on('tie_meetings').column('meeting_id').execute();
    await sql`
      insert into tie_meetings (tie_id, meeting_id)
      select distinct ties.id, one.meeting_id
      from ties
      join attendances one on one.actor_id = ties.source_actor_id
      join attendances other on other.actor_id = ties.target_actor_id and other.meeting_id = one.meeting_id
      join meetings on meetings.id = one.meeting_id
      join initiatives on initiatives.id = meetings.initiative_id and initiatives.conflict_id = ties.conflict_id
      where ties.kind = 'met'
    `.execute(db);
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('tie_meetings').ifExists().execute();
  },
};
