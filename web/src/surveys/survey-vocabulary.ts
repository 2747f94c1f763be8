/**
 * The survey lists of src/domain (library instruments, waves, languages), copied as plain arrays so
 * zod and the instrument texts stay out of the browser bundle. survey-vocabulary.test.ts keeps them in step.
 */
export const libraryInstruments = [
  'feeling-thermometer',
  'bogardus-social-distance',
  'outgroup-trust',
  'intergroup-anxiety',
] as const;
export const surveyWaves = ['baseline', 'post', 'follow_up'] as const;
export const surveyLanguages = ['en', 'fr', 'ar'] as const;
export type SurveyLanguage = (typeof surveyLanguages)[number];

export function isSurveyLanguage(code: string): code is SurveyLanguage {
  return (surveyLanguages as readonly string[]).includes(code);
}
