import { z } from 'zod';

/** A language as a BCP 47 primary tag with optional subtags, lower-case primary: `ar`, `he`, `fr-CD`. */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as ar, he, fr or fr-CD');
export type LanguageCode = z.infer<typeof languageCodeSchema>;

/** A dialogue's languages: distinct codes, at most 20; the first is the language of unmarked statements. */
export const dialogueLanguagesSchema = z
  .array(languageCodeSchema)
  .max(20)
  .refine((list) => new Set(list).size === list.length, { message: 'each language once' });
