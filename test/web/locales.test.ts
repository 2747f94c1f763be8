import { describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/locales/en.js';
import fr from '../../web/src/i18n/locales/fr.js';
import ar from '../../web/src/i18n/locales/ar.js';
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

describe('translations', () => {
  it('French has every English key and no other', () => {
    expect(keys(fr).sort()).toEqual([...english].sort());
  });

  it('Arabic has every key of the participant pages (shell, sign-in, dialogue, survey join and answers, errors, invitations, people)', () => {
    const sections = [
      'app',
      'nav',
      'common',
      'auth',
      'dialogue',
      'answer',
      'surveyJoin',
      'notFound',
      'errors',
      'people',
      'invitation',
      'passwordChange',
    ];
    const wanted = english.filter((key) => sections.includes(key.split('.')[0]));
    expect(keys(ar).sort()).toEqual(wanted.sort());
  });

  it('every translation keeps the interpolation variables of the English text and adds no unknown key', () => {
    for (const [name, messages] of Object.entries({ fr, ar, so, sw })) {
      for (const key of keys(messages)) {
        expect(english, `${name}: ${key}`).toContain(key);
        expect(interpolationVariables(at(messages, key)), `${name}: ${key}`).toEqual(
          interpolationVariables(at(en, key)),
        );
      }
    }
  });
});
