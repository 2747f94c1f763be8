import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.js';
import { errorText } from '../../web/src/components/states.js';
import en from '../../web/src/i18n/locales/en.js';
import fr from '../../web/src/i18n/locales/fr.js';

/** The one place API errors become words: by code, never the code itself or a permission name. */
describe('errorText', () => {
  const t = ((key: string, options?: Record<string, unknown>) =>
    (i18next.t as unknown as (k: string, o: object) => string)(key, options ?? {})) as unknown as TFunction;
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: en }, fr: { translation: fr } },
    });
  });

  it('says a refusal in words, without the permission and role the server names in details', async () => {
    const refusal = new ApiError('TT_ERR_FORBIDDEN', 403, 'Your role does not allow this.', {
      reason: 'meetings.write is not granted to participant',
    });
    expect(errorText(refusal, t)).toBe(en.errors.TT_ERR_FORBIDDEN);
    await i18next.changeLanguage('fr');
    expect(errorText(refusal, t)).toBe(fr.errors.TT_ERR_FORBIDDEN);
    await i18next.changeLanguage('en');
    const text = errorText(refusal, t);
    expect(text).not.toMatch(/TT_ERR|meetings\.write|participant/);
  });

  it('keeps where and why for input errors, which the reader can fix', () => {
    const invalid = new ApiError('TT_ERR_VALIDATION', 400, 'x', { field: 'name', reason: 'too long' });
    expect(errorText(invalid, t)).toBe(`${en.errors.TT_ERR_VALIDATION} (field “name”): too long`);
  });

  it('falls back to the server’s words for a code without its own, and to a general sentence for 5xx', () => {
    const unknown = new ApiError('TT_ERR_SOMETHING_NEW', 409, 'Reload and retry.');
    expect(errorText(unknown, t)).toBe('Reload and retry.');
    const crash = new ApiError('TT_ERR_SOMETHING_ELSE', 503, 'stack trace here');
    expect(errorText(crash, t)).toBe(en.errors.TT_ERR_INTERNAL);
    expect(errorText(new ApiError('TT_ERR_X', 400, ''), t)).toBe(en.errors.TT_ERR_HTTP);
  });
});
