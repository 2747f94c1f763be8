import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/locales/en.js';
import { catalogueLoaders, languages } from '../../web/src/i18n/index.js';
import {
  describeGaps,
  isComplete,
  localeGaps,
  pluralCategoriesOf,
  sameAsEnglish,
} from '../../web/src/i18n/completeness.js';

/** The seven languages of the app (issue 13): English, French, Arabic, Hebrew, Somali, Swahili, Lingala. */
const expected = ['en', 'fr', 'ar', 'he', 'so', 'sw', 'ln'];

describe('locale completeness', () => {
  it('registers exactly the seven languages, each with its catalogue', () => {
    expect(languages.map((language) => language.code).sort()).toEqual([...expected].sort());
    for (const language of languages.filter((entry) => entry.code !== 'en')) {
      expect(catalogueLoaders[language.code], `${language.code} has a catalogue`).toBeTypeOf('function');
    }
    expect(
      languages
        .filter((entry) => entry.dir === 'rtl')
        .map((entry) => entry.code)
        .sort(),
    ).toEqual(['ar', 'he'].filter((code) => languages.some((entry) => entry.code === code)));
  });

  for (const code of expected.filter((language) => language !== 'en')) {
    it(`${code}: every English key translated, same placeholders, every plural form`, async () => {
      const loader = catalogueLoaders[code];
      expect(loader, `${code} is not registered in web/src/i18n/index.ts`).toBeTypeOf('function');
      const catalogue = (await loader()).default;
      const gaps = localeGaps(code, en, catalogue);
      expect(isComplete(gaps), `\n${describeGaps(code, gaps)}\n`).toBe(true);
    });
  }

  it('the errors section says in words every TT_ERR_ code the server has (src/)', () => {
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          for (const match of readFileSync(path, 'utf8').matchAll(/\bTT_ERR_[A-Z0-9_]*[A-Z0-9]\b/g))
            codes.add(match[0]);
        }
      }
    };
    walk(join(import.meta.dirname, '../../src'));
    expect(codes.size).toBeGreaterThan(50);
    const missing = [...codes].filter((code) => !(code in en.errors)).sort();
    expect(missing, 'codes without words in web/src/i18n/locales/en.ts errors').toEqual([]);
  });

  it('the allowlist of strings identical to English names only keys English has', () => {
    for (const [code, keys] of Object.entries(sameAsEnglish)) {
      for (const key of keys) {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
        expect(typeof value, `${code}: ${key}`).toBe('string');
      }
    }
  });
});

describe('locale gaps (the checker itself)', () => {
  const source = {
    app: { name: 'tracktwo', hello: 'Hello {{name}}' },
    list: { members_one: '{{count}} member', members: '{{count}} members' },
    sign: { dash: '—' },
  };

  it('finds nothing in a complete translation', () => {
    const fr = {
      app: { name: 'tracktwo', hello: 'Bonjour {{name}}' },
      list: {
        members_one: '{{count}} membre',
        members_many: '{{count}} de membres',
        members: '{{count}} membres',
      },
      sign: { dash: '—' },
    };
    expect(localeGaps('fr', source, fr)).toEqual({
      missing: [],
      english: [],
      placeholders: [],
      plurals: [],
      unknown: [],
    });
  });

  it('finds keys missing, empty, left in English, with other placeholders, plural forms lacking, unknown', () => {
    const ar = {
      app: { name: 'tracktwo', hello: 'مرحبا {{who}}' },
      list: { members_one: '', members: '{{count}} members', members_two: 'عضوان' },
      extra: { stray: 'x' },
    };
    const gaps = localeGaps('ar', source, ar);
    expect(gaps.missing).toEqual(['list.members_one', 'sign.dash']);
    expect(gaps.english).toEqual(['list.members']);
    expect(gaps.placeholders).toEqual(['app.hello']);
    expect(gaps.plurals).toEqual(['list.members_few', 'list.members_many', 'list.members_zero']);
    expect(gaps.unknown).toEqual(['extra.stray']);
    expect(describeGaps('ar', gaps)).toContain('ar missing (2): list.{members_one} sign.{dash}');
  });

  it('asks each language for the plural forms of Intl.PluralRules: six in Arabic, three in French, two in English', () => {
    expect(pluralCategoriesOf('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(pluralCategoriesOf('fr')).toEqual(['one', 'many', 'other']);
    expect(pluralCategoriesOf('en')).toEqual(['one', 'other']);
  });
});
