/**
 * The gaps of every registered translation against English, as JSON on stdout: per language the keys
 * missing or empty, left in English, with other placeholders, lacking a plural form, or unknown to English.
 * `npm run locale-gaps` (or `npx tsx scripts/locale-gaps.ts [language ...]`). Exits 1 when a gap remains.
 */
import en from '../web/src/i18n/locales/en.js';
import { catalogueLoaders, languages } from '../web/src/i18n/index.js';
import { isComplete, localeGaps, type LocaleGaps } from '../web/src/i18n/completeness.js';

const wanted = process.argv.slice(2);
const report: Record<string, LocaleGaps & { counts: Record<string, number> }> = {};
let complete = true;
for (const { code } of languages) {
  if (code === 'en' || (wanted.length > 0 && !wanted.includes(code))) continue;
  const gaps = localeGaps(code, en, (await catalogueLoaders[code]()).default);
  complete &&= isComplete(gaps);
  const counts = Object.fromEntries(Object.entries(gaps).map(([kind, keys]) => [kind, keys.length]));
  report[code] = { counts, ...gaps };
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = complete ? 0 : 1;
