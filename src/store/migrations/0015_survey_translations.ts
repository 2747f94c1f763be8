import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A survey's own translations of its instruments (issue #13): one row per instrument and language, a
 * draft until a second person approves it (the approver and date kept).
 */
export const surveyTranslationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('survey_translations')
      .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('instrument_id', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('texts_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('translated_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('approved_at', 'text')
      .addPrimaryKeyConstraint('survey_translations_pk', ['survey_id', 'instrument_id', 'language'])
      .addCheckConstraint('survey_translations_status', sql`status in ('draft', 'approved')`)
      .addCheckConstraint(
        'survey_translations_approval',
        sql`(status = 'draft' and approved_at is null) or (status = 'approved' and approved_at is not null)`,
      )
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('survey_translations').ifExists().execute();
  },
};
