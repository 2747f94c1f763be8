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
 * The words of a text in order, as names are compared: lower-case, accents and other marks folded away,
 * split on anything that is not a letter or digit ("Nasra Abdi-Warsame" reads nasra, abdi, warsame).
 */
export function foldedWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDS[letter] ?? letter);
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** The distinct words of a name as the vault's name index sees them (see foldedWords). */
export function nameWords(text: string): string[] {
  return [...new Set(foldedWords(text))];
}
