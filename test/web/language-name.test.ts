import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { languageName } from '../../web/src/dialogue-translation/language-name.js';

beforeAll(async () => {
  await i18next.init({ lng: 'en', fallbackLng: 'en', supportedLngs: ['en', 'ar', 'he'], resources: {} });
});

describe('languageName', () => {
  it('names a statement language in the reader’s language, through Intl', async () => {
    expect(languageName('he')).toBe('Hebrew');
    await i18next.changeLanguage('ar');
    expect(languageName('he')).toBe('العبرية');
    await i18next.changeLanguage('he');
    expect(languageName('ar')).toBe('ערבית');
    await i18next.changeLanguage('en');
  });

  it('gives nothing for no language and the code itself for one Intl cannot name', () => {
    expect(languageName(null)).toBe('');
    expect(languageName('')).toBe('');
    expect(languageName('not a code')).toBe('not a code');
  });
});
