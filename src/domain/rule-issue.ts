import { TrackTwoError } from './errors.js';

/**
 * What a pure check reports: the field at fault and why. Zod-free, so the web app can run the same
 * check; each door turns it into its own form (a zod issue, a TT_ERR_VALIDATION, a form message).
 */
export interface RuleIssue {
  field: string;
  reason: string;
}

/** A service's refusal of a pure check's issue: TT_ERR_VALIDATION on its field, nothing written. */
export function raiseIssue(issue: RuleIssue | undefined): void {
  if (issue) throw new TrackTwoError('TT_ERR_VALIDATION', { field: issue.field, reason: issue.reason });
}
