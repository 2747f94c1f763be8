import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateTime, day, dayRange, number, percent, relativeTime } from '../../web/src/i18n/format.js';

beforeAll(async () => {
  await i18next.init({ lng: 'en', fallbackLng: 'en', supportedLngs: ['en', 'fr', 'ar'], resources: {} });
});

async function inLanguage(code: string, run: () => void) {
  await i18next.changeLanguage(code);
  run();
  await i18next.changeLanguage('en');
}

describe('format: Intl in the current language', () => {
  it('a calendar day is that day in every time zone, written the language’s way', async () => {
    expect(day('2026-12-02')).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 2)),
    );
    expect(day('2026-12-02')).toContain('2026');
    await inLanguage('fr', () => expect(day('2026-12-02')).toBe('2 déc. 2026'));
  });

  it('a value that is not a date is shown as it came, not "Invalid Date"', () => {
    expect(day('soon')).toBe('soon');
    expect(dateTime('')).toBe('');
  });

  it('numbers and percentages take the language’s separators', async () => {
    expect(number(1234.5)).toBe('1,234.5');
    expect(percent(0.42)).toBe('42%');
    await inLanguage('fr', () => {
      expect(number(1234.5)).toBe(new Intl.NumberFormat('fr', { maximumFractionDigits: 2 }).format(1234.5));
      expect(number(1234.5)).toMatch(/^1\s234,5$/u);
      expect(percent(0.42)).toMatch(/^42\s%$/u);
    });
    await inLanguage('ar', () =>
      expect(percent(0.42)).toBe(new Intl.NumberFormat('ar', { style: 'percent' }).format(0.42)),
    );
  });

  it('relative times in the largest whole unit', async () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(relativeTime(new Date('2026-11-29T12:00:00Z'), now)).toBe('3 days ago');
    expect(relativeTime(new Date('2026-12-02T14:00:00Z'), now)).toBe('in 2 hours');
    await inLanguage('fr', () => expect(relativeTime(new Date('2026-12-03T12:00:00Z'), now)).toBe('demain'));
  });

  it('a span of days', () => {
    expect(dayRange('2026-12-02', '2026-12-09')).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
        Date.UTC(2026, 11, 2),
        Date.UTC(2026, 11, 9),
      ),
    );
  });
});
