import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { isolate, isolateWhenRightToLeft } from '../../web/src/i18n/isolate.js';
import en from '../../web/src/i18n/locales/en.js';
import ar from '../../web/src/i18n/locales/ar.js';
import he from '../../web/src/i18n/locales/he.js';

/** An i18next instance set up as the web app sets up its own (web/src/i18n/index.ts). */
async function catalogue(lng: string) {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ar: { translation: ar }, he: { translation: he } },
    interpolation: { escapeValue: true, escape: isolateWhenRightToLeft(() => instance.dir()) },
  });
  return instance;
}

describe('mixed text in right-to-left languages', () => {
  it('isolates every interpolated value in Arabic and Hebrew, so a Latin pseudonym keeps its order', async () => {
    for (const lng of ['ar', 'he']) {
      const t = (await catalogue(lng)).t;
      const text = t('workspace.bridgeAlert', { actor: 'A-4GZFP4' });
      expect(text).toContain(isolate('A-4GZFP4'));
      expect(text).not.toContain('bridge');
    }
  });

  it('leaves English as it is: no isolate characters, nothing escaped', async () => {
    const t = (await catalogue('en')).t;
    expect(t('workspace.bridgeAlert', { actor: 'A-4GZFP4 & <b>' })).toBe(
      'A-4GZFP4 & <b> holds the network together: without them it splits.',
    );
  });

  it('the map reads "across the divide" in Arabic for every count, the number isolated', async () => {
    const t = (await catalogue('ar')).t;
    expect(t('map.gain', { count: 1 })).toBe(ar.map!.gain_one);
    expect(t('map.gain', { count: 2 })).toBe(ar.map!.gain_two);
    expect(t('map.gain', { count: 0 })).toBe(ar.map!.gain_zero);
    expect(t('map.gain', { count: 3 })).toBe(`(يصل إلى ${isolate('3')} أشخاص إضافيين عبر الانقسام)`);
    expect(t('map.gain', { count: 11 })).toContain('شخصًا إضافيًا');
    expect(t('map.gain', { count: 100 })).toContain('شخص إضافي');
    for (const count of [0, 1, 2, 3, 11, 100]) expect(t('map.gain', { count })).not.toMatch(/[A-Za-z]/);
  });

  it('Arabic uses its six plural forms and Hebrew its three', async () => {
    const arabic = (await catalogue('ar')).t;
    const forms = [0, 1, 2, 5, 20, 100].map((count) => arabic('results.members', { count }));
    expect(new Set(forms).size).toBe(6);
    const hebrew = (await catalogue('he')).t;
    expect(hebrew('surveyJoin.joined', { count: 1 })).toBe(he.surveyJoin!.joined_one);
    expect(hebrew('surveyJoin.joined', { count: 2 })).toBe(he.surveyJoin!.joined_two);
    expect(hebrew('surveyJoin.joined', { count: 7 })).toBe(`${isolate('7')} אנשים הצטרפו בקישור הזה.`);
  });
});
