import type { RuleIssue } from './rule-issue.js';

/**
 * A date range that runs backwards, reported on its end field. An open bound (null or absent) never
 * runs backwards; ISO dates compare as text.
 */
export function dateOrderIssue(
  value: Readonly<Record<string, unknown>>,
  fromField: string,
  toField: string,
): RuleIssue | undefined {
  const from = value[fromField];
  const to = value[toField];
  if (typeof from === 'string' && typeof to === 'string' && from > to) {
    return { field: toField, reason: `${toField} must be on or after ${fromField}` };
  }
  return undefined;
}
