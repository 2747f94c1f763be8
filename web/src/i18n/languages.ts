/**
 * The languages and where their catalogues come from, without i18next: the light participant page
 * (web/src/participant/main.tsx) starts downloading the reader's catalogue with this alone, while the
 * rest of the page is still on its way.
 */
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

/** Starts (or finds under way) the download of a language's catalogue; undefined for an unknown code. */
export function fetchCatalogue(code: string): Promise<{ default: unknown }> | undefined {
  // English is bundled with the convener's app (startI18n) and a chunk of its own for the light page.
  return code === 'en' ? import('./locales/en.js') : catalogueLoaders[code]?.();
}
