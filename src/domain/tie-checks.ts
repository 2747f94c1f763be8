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

/** Where an actor lies. */
export interface ActorScope {
  workspace_id: string;
  conflict_id: string;
}

/** Both ends of a tie are actors of the tie's own workspace and conflict; `scopes` holds where each lies. */
export function checkTieScope(
  tie: { workspace_id: string; conflict_id: string; source_actor_id: string; target_actor_id: string },
  scopes: ReadonlyMap<string, ActorScope>,
): RuleIssue | undefined {
  for (const field of ['source_actor_id', 'target_actor_id'] as const) {
    const scope = scopes.get(tie[field]);
    if (!scope || scope.workspace_id !== tie.workspace_id || scope.conflict_id !== tie.conflict_id) {
      return { field, reason: "both ends of a tie must be actors of the tie's conflict" };
    }
  }
  return undefined;
}
