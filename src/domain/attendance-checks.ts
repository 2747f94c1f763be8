import type { RuleIssue } from './rule-issue.js';

/** Nobody met at a meeting that did not take place: a cancelled meeting has no attendance, no `met` ties. */
export function checkAttendable(meeting: { status: string }): RuleIssue | undefined {
  return meeting.status === 'cancelled'
    ? { field: 'meeting_id', reason: 'the meeting was cancelled: it has no attendance' }
    : undefined;
}

/** Attendees are actors of the initiative's conflict; `known` holds those of `ids` that are. */
export function checkAttendeesKnown(
  ids: readonly string[],
  known: ReadonlySet<string>,
): RuleIssue | undefined {
  return ids.every((id) => known.has(id))
    ? undefined
    : { field: 'attendees', reason: "an attendee is not an actor of the initiative's conflict" };
}
