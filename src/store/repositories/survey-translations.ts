import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { SurveyTranslationsTable } from '../tables/surveys.js';

export type SurveyTranslationRow = Selectable<SurveyTranslationsTable>;

export function translationsOf(db: Kysely<Database>, surveyId: string): Promise<SurveyTranslationRow[]> {
  return db
    .selectFrom('survey_translations')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('language')
    .orderBy('instrument_id')
    .execute();
}

export function findTranslation(
  db: Kysely<Database>,
  surveyId: string,
  instrumentId: string,
  language: string,
): Promise<SurveyTranslationRow | undefined> {
  return db
    .selectFrom('survey_translations')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('instrument_id', '=', instrumentId)
    .where('language', '=', language)
    .executeTakeFirst();
}

export async function saveDraft(db: Kysely<Database>, row: SurveyTranslationRow): Promise<void> {
  await db
    .insertInto('survey_translations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['survey_id', 'instrument_id', 'language']).doUpdateSet({
        texts_json: row.texts_json,
        status: 'draft',
        translated_by: row.translated_by,
        updated_at: row.updated_at,
        approved_by: null,
        approved_at: null,
      }),
    )
    .execute();
}

export async function approve(
  db: Kysely<Database>,
  key: { surveyId: string; instrumentId: string; language: string },
  approvedBy: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('survey_translations')
    .set({ status: 'approved', approved_by: approvedBy, approved_at: at })
    .where('survey_id', '=', key.surveyId)
    .where('instrument_id', '=', key.instrumentId)
    .where('language', '=', key.language)
    .execute();
}

export async function removeTranslation(
  db: Kysely<Database>,
  key: { surveyId: string; instrumentId: string; language: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('survey_translations')
    .where('survey_id', '=', key.surveyId)
    .where('instrument_id', '=', key.instrumentId)
    .where('language', '=', key.language)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
