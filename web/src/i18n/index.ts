import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isolateWhenRightToLeft } from './isolate.js';
import { fetchCatalogue, initialLanguage, isKnown, LANGUAGE_STORAGE_KEY, languages } from './languages.js';

export * from './languages.js';

/** Loads a language's catalogue (once), for changeLanguage or for a page printed in another language. */
export async function loadLanguage(code: string): Promise<void> {
  if (i18next.hasResourceBundle(code, 'translation')) return;
  const pending = fetchCatalogue(code);
  if (!pending) return;
  const module = await pending;
  i18next.addResourceBundle(code, 'translation', module.default as object, true, true);
}

function applyToDocument(code: string): void {
  const language = languages.find((entry) => entry.code === code) ?? languages[0];
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}

/**
 * Starts i18next. The convener's app passes the English catalogue it bundles (the fallback of every other
 * language); the participant's light pages pass none and load only the reader's language (every catalogue
 * is complete, test/web/locale-completeness.test.ts), so a Somali reader never downloads the English one.
 */
export async function startI18n(english?: object): Promise<void> {
  const code = initialLanguage();
  await i18next.use(initReactI18next).init({
    lng: english ? 'en' : code,
    fallbackLng: english ? 'en' : false,
    supportedLngs: languages.map((language) => language.code),
    resources: english ? { en: { translation: english } } : {},
    // React escapes what it renders; the hook isolates interpolated values in right-to-left languages.
    interpolation: { escapeValue: true, escape: isolateWhenRightToLeft(() => i18next.dir()) },
    returnNull: false,
  });
  await changeLanguage(code, false);
}

export async function changeLanguage(code: string, remember = true): Promise<void> {
  if (!isKnown(code)) return;
  await loadLanguage(code);
  await i18next.changeLanguage(code);
  applyToDocument(code);
  if (remember) {
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
    } catch {
      // Without storage the choice lasts for this visit only.
    }
  }
}
