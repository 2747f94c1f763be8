import { sql, type Kysely, type Migration } from 'kysely';
import { respondentArms, responseEntryKinds, surveyWaves } from '../../domain/survey.js';
import { genders } from '../../domain/vocabulary.js';

function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/**
 * Surveys, waves, respondents, response links and sealed responses, and the external effects a
 * researcher enters for meta-analysis. Everything cascades from its initiative or workspace.
 */
export const surveysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('surveys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('instruments_json', 'text', (c) => c.notNull())
      .addColumn('out_groups_json', 'text', (c) => c.notNull())
      .addColumn('languages_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('surveys_initiative').on('surveys').column('initiative_id').execute();

    await db.schema
      .createTable('survey_waves')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text', (c) => c.notNull())
      .addColumn('after_meeting_id', 'text', (c) => c.references('meetings.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('survey_waves_survey_kind', ['survey_id', 'kind'])
      .addCheckConstraint('survey_waves_kind', oneOf('kind', surveyWaves))
      .addCheckConstraint('survey_waves_dates', sql`opens_on <= closes_on`)
      .execute();

    await db.schema
      .createTable('survey_respondents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('arm', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.references('actors.id').onDelete('cascade'))
      .addColumn('pseudonym', 'text', (c) => c.notNull())
      .addColumn('side', 'text')
      .addColumn('gender', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('survey_respondents_pseudonym', ['survey_id', 'pseudonym'])
      .addUniqueConstraint('survey_respondents_actor', ['survey_id', 'actor_id'])
      .addCheckConstraint('survey_respondents_arm', oneOf('arm', respondentArms))
      .addCheckConstraint(
        'survey_respondents_actor_arm',
        sql`(arm = 'participant' and actor_id is not null) or (arm = 'comparison' and actor_id is null)`,
      )
      .addCheckConstraint('survey_respondents_gender', sql`gender is null or ${oneOf('gender', genders)}`)
      .execute();

    await db.schema
      .createTable('survey_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_waves.id').onDelete('cascade'))
      .addColumn('respondent_id', 'text', (c) =>
        c.notNull().references('survey_respondents.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema
      .createIndex('survey_links_respondent_wave')
      .on('survey_links')
      .columns(['respondent_id', 'wave_id'])
      .execute();

    await db.schema
      .createTable('survey_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_waves.id').onDelete('cascade'))
      .addColumn('respondent_id', 'text', (c) =>
        c.notNull().references('survey_respondents.id').onDelete('cascade'),
      )
      .addColumn('entered_by', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('survey_responses_one_per_wave', ['wave_id', 'respondent_id'])
      .addCheckConstraint('survey_responses_entered_by', oneOf('entered_by', responseEntryKinds))
      .execute();
    await db.schema
      .createIndex('survey_responses_survey')
      .on('survey_responses')
      .column('survey_id')
      .execute();

    await db.schema
      .createTable('external_effects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('effect', 'double precision', (c) => c.notNull())
      .addColumn('variance', 'double precision', (c) => c.notNull())
      .addColumn('instrument_kind', 'text')
      .addColumn('citation', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('external_effects_variance', sql`variance > 0`)
      .execute();
    await db.schema
      .createIndex('external_effects_workspace')
      .on('external_effects')
      .column('workspace_id')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'external_effects',
      'survey_responses',
      'survey_links',
      'survey_respondents',
      'survey_waves',
      'surveys',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
