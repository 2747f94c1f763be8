import type { TranslationStatus } from '../../domain/statement-translations.js';

/**
 * A statement's translation into one language (migration 0012_statement_translations), written by a
 * person: one row per statement and language, replaced in place when a translator corrects it.
 */
export interface StatementTranslationsTable {
  statement_id: string;
  language: string;
  /** The statement's dialogue, so a dialogue's translations are listed and exported without a join. */
  dialogue_id: string;
  text: string;
  /** The account that wrote (or last corrected) it; null once that account is gone. */
  translator_account_id: string | null;
  status: TranslationStatus;
  created_at: string;
  updated_at: string;
}

export interface StatementTranslationTables {
  statement_translations: StatementTranslationsTable;
}
