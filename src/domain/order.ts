/**
 * Strings in code-unit order, not the locale's (`localeCompare`), so a sorted list of ids, dates or
 * names is the same on every machine and in every browser.
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
