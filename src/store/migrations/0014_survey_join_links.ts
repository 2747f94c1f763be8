import type { Kysely, Migration } from 'kysely';

/**
 * The open join link of a survey (issue #12): one link in force per survey, for a room or a public call,
 * whose code is kept (printed on the sheet, shown again). Each use makes a comparison respondent who
 * answers the wave open that day; the same device comes back as the same respondent for later waves.
 */
export const surveyJoinLinksMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('survey_join_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('joined', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createIndex('survey_join_links_survey')
      .on('survey_join_links')
      .column('survey_id')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('survey_join_links').ifExists().execute();
  },
};
