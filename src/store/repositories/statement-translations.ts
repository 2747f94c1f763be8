import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { StatementTranslationsTable } from '../tables/statement-translations.js';

export type TranslationRow = StatementTranslationsTable;

/** A dialogue's translations, by statement number then language (optionally into one language only). */
export function listTranslations(
  db: Kysely<Database>,
  dialogueId: string,
  language?: string,
): Promise<TranslationRow[]> {
  let query = db
    .selectFrom('statement_translations as t')
    .innerJoin('dialogue_statements as s', 's.id', 't.statement_id')
    .selectAll('t')
    .where('t.dialogue_id', '=', dialogueId);
  if (language) query = query.where('t.language', '=', language);
  return query.orderBy('s.number').orderBy('t.language').execute();
}

export function getTranslation(
  db: Kysely<Database>,
  statementId: string,
  language: string,
): Promise<TranslationRow | undefined> {
  return db
    .selectFrom('statement_translations')
    .selectAll()
    .where('statement_id', '=', statementId)
    .where('language', '=', language)
    .executeTakeFirst();
}

/** Writes a translation, replacing the one the statement had in that language (its created_at kept). */
export async function putTranslation(db: Kysely<Database>, row: TranslationRow): Promise<void> {
  await db
    .insertInto('statement_translations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['statement_id', 'language']).doUpdateSet((eb) => ({
        text: eb.ref('excluded.text'),
        translator_account_id: eb.ref('excluded.translator_account_id'),
        status: eb.ref('excluded.status'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function deleteTranslation(
  db: Kysely<Database>,
  statementId: string,
  language: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('statement_translations')
    .where('statement_id', '=', statementId)
    .where('language', '=', language)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
