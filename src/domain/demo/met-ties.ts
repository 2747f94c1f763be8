import type { DocumentTie, WorkspaceDocument } from '../../interchange/workspace-json-schema.js';
import { byText } from '../order.js';

type MeetingWithAttendance = Pick<WorkspaceDocument['meetings'][number], 'held_on' | 'attendances'>;

/**
 * The `met` ties that attendance leaves behind (the contract's rule): every pair of attendees of a
 * meeting gets a `met` tie of strength 1 dated to the meeting, or, when they met before, that tie
 * grows by one (at most 5) and its dates widen. Meetings count in date order. Ids are left empty.
 */
export function metTiesOf(meetings: readonly MeetingWithAttendance[], conflictId: string): DocumentTie[] {
  const ties = new Map<string, DocumentTie>();
  const ordered = [...meetings].sort((a, b) => byText(a.held_on, b.held_on));
  for (const meeting of ordered) {
    const attendees = [...new Set(meeting.attendances.map((a) => a.actor_id))].sort();
    for (let i = 0; i < attendees.length; i++) {
      for (let j = i + 1; j < attendees.length; j++) {
        const key = `${attendees[i]}|${attendees[j]}`;
        const existing = ties.get(key);
        if (existing) {
          existing.strength = Math.min(5, existing.strength + 1);
          if (existing.valid_from === null || meeting.held_on < existing.valid_from)
            existing.valid_from = meeting.held_on;
          if (existing.valid_to === null || meeting.held_on > existing.valid_to)
            existing.valid_to = meeting.held_on;
          continue;
        }
        ties.set(key, {
          id: '',
          conflict_id: conflictId,
          source_actor_id: attendees[i],
          target_actor_id: attendees[j],
          kind: 'met',
          directed: false,
          strength: 1,
          valid_from: meeting.held_on,
          valid_to: meeting.held_on,
          source: 'meeting',
          confidence: 1,
        });
      }
    }
  }
  return [...ties.values()];
}
