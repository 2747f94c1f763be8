import { dateOrderIssue } from './date-order.js';
import type { RuleIssue } from './rule-issue.js';

/** A tie relates two actors: one that starts and ends at the same actor is a mistake. */
export function checkTieEnds(tie: {
  source_actor_id: string;
  target_actor_id: string;
}): RuleIssue | undefined {
  return tie.source_actor_id === tie.target_actor_id
    ? { field: 'target_actor_id', reason: 'a tie joins two different actors' }
    : undefined;
}

/** A tie's validity may be open at either end, but not end before it starts. */
export function checkTieDates(tie: {
  valid_from?: string | null;
  valid_to?: string | null;
}): RuleIssue | undefined {
  return dateOrderIssue(tie, 'valid_from', 'valid_to');
}
