import { TrackTwoError } from '../domain/errors.js';
import { identitySchema, type Identity } from '../domain/identity.js';

// The schema lives in the domain (the API and the vault share it); the vault validates with it.
export { contactKinds, identitySchema, type Identity, type IdentityInput } from '../domain/identity.js';

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
