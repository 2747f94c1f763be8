import type { Messages } from './locales/en.js';

/** t() takes only keys of the English catalogue: a key missing in English is a type error for its caller. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
