import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isolateWhenRightToLeft } from './isolate.js';

export interface Language {
  code: string;
  /** The language's own name, so a reader finds it whatever the current language is. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const languages: readonly Language[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'he', name: 'עברית', dir: 'rtl' },
  { code: 'so', name: 'Soomaali', dir: 'ltr' },
  { code: 'sw', name: 'Kiswahili', dir: 'ltr' },
  { code: 'ln', name: 'Lingála', dir: 'ltr' },
];

/**
 * Each language but English is its own chunk: a participant downloads only the one they read. Exported for
 * the completeness test and scripts/locale-gaps.ts, which read every registered catalogue.
 */
export const catalogueLoaders: Record<string, () => Promise<{ default: unknown }>> = {
  fr: () => import('./locales/fr.js'),
  ar: () => import('./locales/ar.js'),
  he: () => import('./locales/he.js'),
  so: () => import('./locales/so.js'),
  sw: () => import('./locales/sw.js'),
  ln: () => import('./locales/ln.js'),
};

export const LANGUAGE_STORAGE_KEY = 'tracktwo.language';

export function isKnown(code: string | null | undefined): code is string {
  return !!code && languages.some((language) => language.code === code);
}

/** The link's language, else the user's remembered choice, else the browser's language, else English. */
export function initialLanguage(): string {
  // A link may name its language (a printed sheet's QR code does): `?lang=so`.
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isKnown(asked)) return asked;
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isKnown(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode); the browser's language still serves.
  }
  for (const tag of window.navigator.languages ?? [window.navigator.language]) {
    const code = tag?.slice(0, 2).toLowerCase();
    if (isKnown(code)) return code;
  }
  return 'en';
}

/** Loads a language's catalogue (once), for changeLanguage or for a page printed in another language. */
export async function loadLanguage(code: string): Promise<void> {
  if (i18next.hasResourceBundle(code, 'translation')) return;
  // English is bundled with the convener's app (startI18n) and a chunk of its own for the light pages.
  const loader = code === 'en' ? () => import('./locales/en.js') : catalogueLoaders[code];
  if (!loader) return;
  const module = await loader();
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
