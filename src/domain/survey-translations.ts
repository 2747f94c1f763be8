import { z } from 'zod';
import { TrackTwoError } from './errors.js';
import type { Instrument } from './instruments.js';
import { surveyLanguageSchema } from './instruments.js';
import { idSchema, isoTimestampSchema } from './scalars.js';
import { englishTexts, type InstrumentTexts } from './survey-values.js';

/**
 * Translations of a survey's instruments, made by people: a translator writes every text of an
 * instrument in a language (a draft), a second person checks it beside the English and approves it (the
 * approver and date kept). Until then respondents are not asked in it; the convener sees what is draft.
 */

const textSchema = z.string().trim().min(1).max(500);

export const instrumentTextsSchema = z.strictObject({
  name: textSchema,
  instructions: textSchema,
  items: z.record(z.string().max(40), textSchema),
  anchors: z.record(z.string().max(20), textSchema),
});

export const translationStandingSchema = z.enum(['reviewed', 'approved', 'draft', 'missing']);

/** One instrument in one of the survey's languages: where it stands, the English and the translation. */
export const surveyTranslationSchema = z.strictObject({
  survey_id: idSchema,
  instrument_id: z.string(),
  language: surveyLanguageSchema,
  standing: translationStandingSchema,
  /** Whether the texts come from the instrument library (its own translation) rather than this survey. */
  from_library: z.boolean(),
  source: instrumentTextsSchema,
  texts: instrumentTextsSchema.nullable(),
  translated_by: z.string().nullable(),
  updated_at: isoTimestampSchema.nullable(),
  approved_by: z.string().nullable(),
  approved_at: isoTimestampSchema.nullable(),
});
export type SurveyTranslation = z.infer<typeof surveyTranslationSchema>;

/**
 * The texts must match the instrument: every item and anchor translated, none unknown, and `{outGroup}`
 * kept exactly where the English has it (else a respondent would read about nobody).
 */
export function checkTranslationTexts(instrument: Instrument, texts: InstrumentTexts): void {
  const source = englishTexts(instrument);
  const fail = (field: string, reason: string): never => {
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: `texts.${field}`, reason });
  };
  const sameKeys = (part: 'items' | 'anchors') => {
    for (const key of Object.keys(source[part]))
      if (!(key in texts[part])) fail(`${part}.${key}`, 'missing: translate every one');
    for (const key of Object.keys(texts[part]))
      if (!(key in source[part])) fail(`${part}.${key}`, 'not part of this instrument');
  };
  sameKeys('items');
  sameKeys('anchors');
  const holes = (text: string) => text.split('{outGroup}').length - 1;
  const check = (field: string, english: string, translated: string) => {
    if (holes(english) !== holes(translated))
      fail(field, `keep {outGroup} as the English has it (${holes(english)} time(s))`);
  };
  check('name', source.name, texts.name);
  check('instructions', source.instructions, texts.instructions);
  for (const [id, english] of Object.entries(source.items)) check(`items.${id}`, english, texts.items[id]);
}
