import i18next from 'i18next';

/**
 * Dates, numbers, percentages and relative times in the reader's language, through Intl: one place, so
 * every screen writes "2 déc. 2026" in French and "٢ ديسمبر ٢٠٢٦" in Arabic alike. Call them while
 * rendering: components that use `useTranslation` render again when the language changes.
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  kind: string,
  options: object,
  make: (language: string) => F,
): F {
  const language = currentLanguage();
  const key = `${kind}|${language}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as F | undefined;
  if (!formatter) {
    formatter = make(language);
    cache.set(key, formatter);
  }
  return formatter;
}

/** The language the app shows now (English before i18next starts). */
export function currentLanguage(): string {
  return i18next.resolvedLanguage ?? i18next.language ?? 'en';
}

/** A calendar day as the server sends it (`2026-12-02`) names that day wherever the reader is. */
const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: string | Date): { date: Date; timeZone?: string } | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { date: value };
  if (calendarDay.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? undefined : { date, timeZone: 'UTC' };
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : { date };
}

/** A day: "2 Dec 2026", "2 déc. 2026". A value that is not a date is shown as it came. */
export function day(value: string | Date): string {
  const parsed = toDate(value);
  if (!parsed) return String(value);
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: parsed.timeZone };
  return cached('day', options, (language) => new Intl.DateTimeFormat(language, options)).format(parsed.date);
}

/** A moment, day and time in the reader's time zone: "2 Dec 2026, 14:05". */
export function dateTime(value: string | Date): string {
  const parsed = toDate(value);
  if (!parsed) return String(value);
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: parsed.timeZone,
  };
  return cached('dateTime', options, (language) => new Intl.DateTimeFormat(language, options)).format(
    parsed.date,
  );
}

/** A span of days: "2–9 Dec 2026". */
export function dayRange(from: string, to: string): string {
  const start = toDate(from);
  const end = toDate(to);
  if (!start || !end || start.date > end.date) return `${day(from)} – ${day(to)}`;
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'medium',
    timeZone: start.timeZone ?? end.timeZone,
  };
  return cached('dayRange', options, (language) => new Intl.DateTimeFormat(language, options)).formatRange(
    start.date,
    end.date,
  );
}

/** A number with the language's digits and separators: 1,234.5 / 1 234,5. */
export function number(
  value: number,
  options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 },
): string {
  return cached('number', options, (language) => new Intl.NumberFormat(language, options)).format(value);
}

/** A share (0.42) as a percentage: "42%", "42 %", "٤٢٪". */
export function percent(share: number, options: Intl.NumberFormatOptions = {}): string {
  const all = { style: 'percent', ...options } as const;
  return cached('percent', all, (language) => new Intl.NumberFormat(language, all)).format(share);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** How long ago or how soon, in the largest whole unit: "3 days ago", "dans 2 heures", "now". */
export function relativeTime(value: string | Date, now: Date = new Date()): string {
  const parsed = toDate(value);
  if (!parsed) return String(value);
  const seconds = (parsed.date.getTime() - now.getTime()) / 1000;
  const [unit, size] = units.find(([, length]) => Math.abs(seconds) >= length) ?? units[units.length - 1];
  const options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
  return cached('relative', options, (language) => new Intl.RelativeTimeFormat(language, options)).format(
    Math.round(seconds / size),
    unit,
  );
}
