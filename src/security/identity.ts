import { z } from 'zod';
import { TrackTwoError } from '../domain/errors.js';

/** Kinds of contact detail the vault keeps. */
export const contactKinds = ['email', 'phone', 'messenger', 'address', 'other'] as const;

/** A person's (or an organisation's) identity: the only place names and contacts live, always encrypted. */
export const identitySchema = z
  .object({
    names: z.array(z.string().trim().min(1).max(200)).max(20),
    contacts: z
      .array(z.object({ kind: z.enum(contactKinds), value: z.string().trim().min(1).max(500) }).strict())
      .max(50)
      .default([]),
    notes: z.string().max(20_000).default(''),
  })
  .strict();

export type Identity = z.output<typeof identitySchema>;
export type IdentityInput = z.input<typeof identitySchema>;

/** Validates an identity, throwing TT_ERR_VALIDATION naming the first bad field. */
export function parseIdentity(input: unknown): Identity {
  const result = identitySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: ['identity', ...issue.path.map(String)].join('.'),
      reason: issue.message,
    });
  }
  return result.data;
}

// Letters NFKD does not take apart but people type without the mark.
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * The words of a name as the index sees them: lower-case, accents and other marks folded away, split on
 * anything that is not a letter or digit ("Nasra Abdi-Warsame" and "nasra abdi warsame" match).
 */
export function nameWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDS[letter] ?? letter);
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  return [...new Set(words)];
}
