import i18next from 'i18next';
import { beforeAll, expect, it } from 'vitest';
import en from '../../web/src/i18n/locales/en.js';
import fr from '../../web/src/i18n/locales/fr.js';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en }, fr: { translation: fr } } });
});

it('counts in words by i18next plural keys: one bridge tie, two bridge ties, in English and French', async () => {
  const t = (key: string, count: number) =>
    (i18next.t as unknown as (k: string, o: object) => string)(key, { count });
  expect(t('map.bridgeTies', 1)).toBe('1 bridge tie');
  expect(t('map.bridgeTies', 2)).toBe('2 bridge ties');
  expect(t('map.brokerCount', 1)).toBe('1 broker');
  expect(t('actors.count', 1)).toBe('1 actor');
  expect(t('edits.recipientCount', 3)).toBe('3 recipients');
  await i18next.changeLanguage('fr');
  expect(t('map.bridgeTies', 1)).toBe('1 lien-pont');
  expect(t('map.bridgeTies', 4)).toBe('4 liens-ponts');
  expect(t('edits.recipientCount', 1)).toBe('1 destinataire');
});
