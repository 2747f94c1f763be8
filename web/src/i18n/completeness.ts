/**
 * How complete a translation is against the English catalogue: the keys missing or empty, the keys left in
 * English, the placeholders ({{x}}) that differ, the plural forms a language needs and lacks, and keys English
 * does not know. Pure (no I/O): the completeness test and `npx tsx scripts/locale-gaps.ts` both use it.
 */

/** i18next's plural suffixes, one per CLDR category (Intl.PluralRules). */
const pluralSuffixes = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralCategory = (typeof pluralSuffixes)[number];

/**
 * Strings that may stay as in English, per language, each for a reason: the brand, and words that are the
 * same in that language. Keep it short: everything else identical to English counts as untranslated.
 */
export const sameAsEnglish: Readonly<Record<string, readonly string[]>> = {
  fr: [
    'app.name', // the brand
    // The same word in French:
    'surveys.languageNames.so',
    'results.participants',
    'results.votes',
    'surveys.languageNames.sw',
    'surveys.languageNames.ln',
    'results.members_one',
    'results.members',
    'results.summary',
    'nav.initiative',
    'home.initiatives',
    'workspace.initiatives',
    'dialogue.title',
    'initiative.dialogues',
    'actors.kinds.organisation',
    'meetings.heldOn',
    'meetings.note',
    'meetings.outcomeDescription',
    'research.format',
    'surveys.arms.participant',
    'surveys.instruments',
    'ties.kinds.hostile',
    'ties.source',
  ],
  ar: ['app.name'],
  he: ['app.name'],
  so: ['app.name'],
  sw: ['app.name'],
  ln: ['app.name'],
};

export interface LocaleGaps {
  /** Keys of English absent or empty here. */
  missing: string[];
  /** Keys whose text is the English text, not on the language's allowlist. */
  english: string[];
  /** Keys whose placeholders are not those of English. */
  placeholders: string[];
  /** Plural forms this language needs (by Intl.PluralRules) and lacks, as full keys (`x.gain_few`). */
  plurals: string[];
  /** Keys English does not have (nor a plural form of an English key). */
  unknown: string[];
}

/** Every leaf of a catalogue, by dotted path. */
export function flatten(catalogue: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof catalogue !== 'object' || catalogue === null) {
    out.set(prefix, catalogue);
    return out;
  }
  for (const [key, inner] of Object.entries(catalogue)) {
    for (const [path, value] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(path, value);
  }
  return out;
}

/** The {{x}} placeholders of a text, sorted and unique. */
export function placeholdersOf(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]))].sort();
}

/** A text with no letter once its placeholders are taken out (a format token, "—", "{{count}}"): nothing to translate. */
function hasNoWords(text: string): boolean {
  return !/\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));
}

/** `gain_one` → ['gain', 'one']; a key without a plural suffix → undefined. */
function pluralParts(key: string): [string, PluralCategory] | undefined {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return match ? [match[1], match[2] as PluralCategory] : undefined;
}

/** The plural categories of a language, as i18next asks for them (Intl.PluralRules, cardinal). */
export function pluralCategoriesOf(language: string): PluralCategory[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as PluralCategory[];
  return pluralSuffixes.filter((suffix) => categories.includes(suffix));
}

export function localeGaps(language: string, english: unknown, translation: unknown): LocaleGaps {
  const source = flatten(english);
  const target = flatten(translation ?? {});
  const allowed = new Set(sameAsEnglish[language] ?? []);
  const gaps: LocaleGaps = { missing: [], english: [], placeholders: [], plurals: [], unknown: [] };

  // The plural groups of English: a base key with at least one suffixed form (the bare key serves as "other").
  const pluralBases = new Set<string>();
  for (const key of source.keys()) {
    const parts = pluralParts(key);
    if (parts) pluralBases.add(parts[0]);
  }
  const englishFor = (key: string): unknown => {
    if (source.has(key)) return source.get(key);
    const parts = pluralParts(key);
    return parts ? (source.get(`${parts[0]}_other`) ?? source.get(parts[0])) : undefined;
  };

  for (const key of source.keys()) {
    const text = target.get(key);
    if (typeof text !== 'string' || text.trim() === '') gaps.missing.push(key);
  }
  for (const [key, text] of target) {
    const parts = pluralParts(key);
    const known = source.has(key) || (parts !== undefined && pluralBases.has(parts[0]));
    if (!known) {
      gaps.unknown.push(key);
      continue;
    }
    if (typeof text !== 'string' || text.trim() === '') continue;
    const englishText = englishFor(key);
    if (text === englishText && !allowed.has(key) && !hasNoWords(text)) gaps.english.push(key);
    // A plural form may leave {{count}} out ("one" in many languages says the number in words).
    const wanted = placeholdersOf(englishText).filter((name) => !(parts && name === 'count'));
    const got = placeholdersOf(text).filter((name) => !(parts && name === 'count'));
    if (wanted.join() !== got.join()) gaps.placeholders.push(key);
  }
  const categories = pluralCategoriesOf(language);
  for (const base of pluralBases) {
    for (const category of categories) {
      const key = `${base}_${category}`;
      const present = (k: string) =>
        typeof target.get(k) === 'string' && (target.get(k) as string).trim() !== '';
      if (present(key) || (category === 'other' && present(base))) continue;
      if (source.has(key)) continue; // already counted as missing
      if (category === 'other' && source.has(base)) continue;
      gaps.plurals.push(key);
    }
  }
  for (const list of Object.values(gaps)) list.sort();
  return gaps;
}

/** No gap of any kind. */
export function isComplete(gaps: LocaleGaps): boolean {
  return Object.values(gaps).every((list) => list.length === 0);
}

/** At most this many keys of a section in a failure message; the script lists every key. */
const shownPerSection = 6;

/**
 * A compact account of the gaps, one line per kind, keys grouped by section: `ar missing (12): dialogue.{a,b}
 * map.{c,d,e,f,g,h,+3}`.
 */
export function describeGaps(language: string, gaps: LocaleGaps): string {
  const lines: string[] = [];
  for (const [kind, keys] of Object.entries(gaps) as [keyof LocaleGaps, string[]][]) {
    if (keys.length === 0) continue;
    const bySection = new Map<string, string[]>();
    for (const key of keys) {
      const dot = key.indexOf('.');
      const section = dot < 0 ? '' : key.slice(0, dot);
      bySection.set(section, [...(bySection.get(section) ?? []), dot < 0 ? key : key.slice(dot + 1)]);
    }
    const grouped = [...bySection].map(([section, rest]) => {
      const shown =
        rest.length > shownPerSection
          ? [...rest.slice(0, shownPerSection), `+${rest.length - shownPerSection}`]
          : rest;
      return section ? `${section}.{${shown.join(',')}}` : shown.join(',');
    });
    lines.push(`${language} ${kind} (${keys.length}): ${grouped.join(' ')}`);
  }
  return lines.join('\n');
}
