import { currentLanguage } from '../i18n/format.js';

const names = new Map<string, Intl.DisplayNames>();

/** A language code ("ar", "he") named in the reader's language through Intl; the code itself if unknown. */
export function languageName(code: string | null | undefined): string {
  if (!code) return '';
  const reader = currentLanguage();
  let display = names.get(reader);
  if (!display) {
    display = new Intl.DisplayNames([reader], { type: 'language', fallback: 'code' });
    names.set(reader, display);
  }
  try {
    return display.of(code) ?? code;
  } catch {
    return code;
  }
}
