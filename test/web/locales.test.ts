import { describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/locales/en.js';
import fr from '../../web/src/i18n/locales/fr.js';
import ar from '../../web/src/i18n/locales/ar.js';
import he from '../../web/src/i18n/locales/he.js';
import so from '../../web/src/i18n/locales/so.js';
import sw from '../../web/src/i18n/locales/sw.js';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

/** The i18next interpolation variables ({{name}}) a message uses, so translations keep them. */
function interpolationVariables(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort() : [];
}

function at(messages: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);
}

const english = keys(en);

/** The English `_one` key a plural form stands for (Arabic `_zero` … `_many`, Hebrew `_two`), or undefined. */
function pluralOf(key: string): string | undefined {
  const plural = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return plural && english.includes(`${plural[1]}_one`) ? `${plural[1]}_one` : undefined;
}

/** A plural form may leave the number out ("مشاركان", two participants) but adds no other variable. */
function variablesOf(messages: unknown, key: string): string[] {
  const variables = interpolationVariables(at(messages, key));
  return pluralOf(key) ? variables.filter((name) => name !== 'count') : variables;
}

describe('translations', () => {
  it('French has every English key and no other', () => {
    expect(keys(fr).sort()).toEqual([...english].sort());
  });

  it('Arabic and Hebrew have every English key, each plural in all the forms the language needs', () => {
    const needs = { ar: ['zero', 'one', 'two', 'few', 'many', 'other'], he: ['one', 'two', 'other'] };
    for (const [name, messages] of Object.entries({ ar, he })) {
      const present = keys(messages);
      for (const key of english) expect(present, `${name}: ${key}`).toContain(key);
      for (const key of english.filter((entry) => entry.endsWith('_one'))) {
        const base = key.slice(0, -'_one'.length);
        for (const form of needs[name as keyof typeof needs]) {
          expect(present, `${name}: ${base}_${form}`).toContain(`${base}_${form}`);
        }
      }
    }
  });

  it('every translation keeps the interpolation variables of the English text and adds no unknown key', () => {
    for (const [name, messages] of Object.entries({ fr, ar, he, so, sw })) {
      for (const key of keys(messages)) {
        const source = pluralOf(key) ?? key;
        expect(english, `${name}: ${key}`).toContain(source);
        expect(variablesOf(messages, key), `${name}: ${key}`).toEqual(variablesOf(en, source));
      }
    }
  });
});
