import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './scalars.js';
import { statementTextSchema } from './dialogue.js';
import { languageCodeSchema } from './language-code.js';

export { dialogueLanguagesSchema, languageCodeSchema, type LanguageCode } from './language-code.js';

/**
 * Statements translated by people: a statement has its source language and any number of translations,
 * one per language. Nothing here is sent to an outside service; `machine-unverified` is kept for a
 * translation an operator's own server made, until a person verifies it (tracktwo makes none itself).
 */
export const translationStatuses = ['human', 'machine-unverified'] as const;
export const translationStatusSchema = z.enum(translationStatuses);
export type TranslationStatus = z.infer<typeof translationStatusSchema>;

export const statementTranslationSchema = z.strictObject({
  statement_id: idSchema,
  language: languageCodeSchema,
  text: statementTextSchema,
  status: translationStatusSchema,
  created_at: isoTimestampSchema,
  updated_at: isoTimestampSchema,
});
export type StatementTranslation = z.infer<typeof statementTranslationSchema>;

/** A statement in the translation queue: the original beside the translations it has. */
export const translationQueueItemSchema = z.strictObject({
  statement_id: idSchema,
  number: z.number().int().min(0),
  /** The original text and its language (null: not said, read as the dialogue's first language). */
  text: statementTextSchema,
  language: languageCodeSchema.nullable(),
  moderation: z.enum(['accepted', 'rejected', 'unmoderated']),
  translations: z.array(statementTranslationSchema),
  /** The dialogue's languages this statement still lacks. */
  missing: z.array(languageCodeSchema),
});
export type TranslationQueueItem = z.infer<typeof translationQueueItemSchema>;

export const translationQueueQuerySchema = z.strictObject({
  /** Only statements lacking a translation into this language. */
  missing: languageCodeSchema.optional(),
});

export const translationPutSchema = z.strictObject({
  text: statementTextSchema,
  /** A person verifying a machine translation sends `human`; the default. */
  status: translationStatusSchema.default('human'),
});

/** `?language=`: the viewer's language, for participants' statements and for results. */
export const viewerLanguageQuerySchema = z.strictObject({ language: languageCodeSchema.optional() });

/** The statement's language, the original's language, or null when no language was ever given. */
export function sourceLanguageOf(
  statement: { language: string | null },
  dialogueLanguages: readonly string[],
): string | null {
  return statement.language ?? dialogueLanguages[0] ?? null;
}

/**
 * The text a reader in `language` sees: the translation into it, else the original, marked as such.
 * Pure, so the participant pages, results and common ground agree.
 */
export function textInLanguage(
  statement: { text: string; language: string | null },
  translations: ReadonlyMap<string, string> | undefined,
  language: string | undefined,
  dialogueLanguages: readonly string[],
): { text: string; language: string | null; original: boolean } {
  const source = sourceLanguageOf(statement, dialogueLanguages);
  if (!language || language === source) return { text: statement.text, language: source, original: true };
  const translated = translations?.get(language);
  if (translated !== undefined) return { text: translated, language, original: false };
  return { text: statement.text, language: source, original: true };
}

/** Languages of the dialogue a statement still lacks (its own language never counts as missing). */
export function missingLanguages(
  statement: { language: string | null },
  translated: Iterable<string>,
  dialogueLanguages: readonly string[],
): string[] {
  const source = sourceLanguageOf(statement, dialogueLanguages);
  const have = new Set(translated);
  return dialogueLanguages.filter((l) => l !== source && !have.has(l));
}

/**
 * Whether a participant reading in `language` sees a statement under the dialogue's translation hold: a
 * participant's own statement is held back from other languages until it is translated into theirs.
 * Seeded statements, readers of the source language, and readers who gave no language are never held.
 */
export function heldFrom(
  statement: { language: string | null; origin: 'seeded' | 'submitted'; authorId?: string | null },
  translated: ReadonlySet<string> | undefined,
  reader: { language: string | undefined; participantId?: string },
  dialogue: { translation_hold: boolean; languages: readonly string[] },
): boolean {
  if (!dialogue.translation_hold || statement.origin !== 'submitted' || !reader.language) return false;
  if (statement.authorId && statement.authorId === reader.participantId) return false;
  const source = sourceLanguageOf(statement, dialogue.languages);
  if (source === null || source === reader.language) return false;
  return !translated?.has(reader.language);
}
