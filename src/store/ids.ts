import { randomInt, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** ISO 8601 UTC with milliseconds: sorts as text on both engines. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** No 0/O or 1/I/L: pseudonyms are read aloud and copied by hand. */
export const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `A-` and six random characters (31^6, about 887 million); uniqueness is checked by the caller. */
export function randomPseudonym(pick: (size: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < 6; i += 1) body += PSEUDONYM_ALPHABET[pick(PSEUDONYM_ALPHABET.length)];
  return `A-${body}`;
}
