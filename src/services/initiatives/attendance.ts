import type { Kysely } from 'kysely';
import { checkAttendable, checkAttendeesKnown } from '../../domain/attendance-checks.js';
import { TrackTwoError } from '../../domain/errors.js';
import type { Attendance } from '../../domain/meeting.js';
import { firstMeeting, metAgain, metPairs, pairKey } from '../../domain/met-ties.js';
import type { Database } from '../../store/schema.js';
import * as meetings from '../../store/repositories/meetings.js';
import * as ties from '../../store/repositories/ties.js';
import { raiseIssue } from '../../domain/rule-issue.js';

export interface MetTiesResult {
  created: number;
  strengthened: number;
}

export interface AttendanceResult {
  /** Every attendance of the meeting after the change. */
  attendances: Attendance[];
  /** Attendees recorded by this call (those not yet recorded). */
  added: number;
  ties: MetTiesResult;
}

/**
 * Records that `newcomers` met everyone in `present` (and each other) on `on` (see metPairs): each such
 * pair gets a `met` tie, or meets again on its tie (metAgain). Run it in the attendance's transaction.
 */
export async function upsertMetTies(
  db: Kysely<Database>,
  meeting: {
    workspace_id: string;
    conflict_id: string;
    on: string;
    /**
     * The meeting, recorded against every tie it makes or strengthens (`tie_meetings`): who may see the
     * tie depends on it. Left out only by tests of the tie arithmetic.
     */
    meeting_id?: string;
    /** Actors whose attendance is being recorded now. */
    newcomers: readonly string[];
    /** Actors already recorded as attending before (they meet the newcomers, not each other again). */
    present?: readonly string[];
  },
): Promise<MetTiesResult> {
  const pairs = metPairs(meeting.newcomers, meeting.present);
  if (pairs.size === 0) return { created: 0, strengthened: 0 };
  const everyone = [...new Set([...meeting.newcomers, ...(meeting.present ?? [])])];
  const existing = new Map(
    (await ties.listMetTiesAmong(db, meeting.conflict_id, everyone)).map((tie) => [
      pairKey([tie.source_actor_id, tie.target_actor_id]),
      tie,
    ]),
  );
  const fresh: ties.NewTie[] = [];
  const evidence: string[] = [];
  for (const [key, [a, b]] of pairs) {
    const tie = existing.get(key);
    if (!tie) {
      fresh.push({
        workspace_id: meeting.workspace_id,
        conflict_id: meeting.conflict_id,
        source_actor_id: a,
        target_actor_id: b,
        ...firstMeeting(meeting.on),
      });
      continue;
    }
    await ties.setTieStrength(db, tie.id, metAgain(tie, meeting.on));
    evidence.push(tie.id);
  }
  const strengthened = evidence.length;
  for (const tie of await ties.insertTies(db, fresh)) evidence.push(tie.id);
  if (meeting.meeting_id !== undefined) await ties.recordTieMeetings(db, evidence, meeting.meeting_id);
  return { created: fresh.length, strengthened };
}

/**
 * Records attendees of a meeting. New attendees get or strengthen a `met` tie with every other
 * attendee (see upsertMetTies); an attendee already recorded only has its role updated. Attendees must
 * be actors of the initiative's conflict. Run it in one transaction with its audit row.
 */
export async function recordAttendees(
  db: Kysely<Database>,
  meetingId: string,
  attendees: readonly meetings.AttendeeInput[],
): Promise<AttendanceResult> {
  const meeting = await meetings.getMeetingScope(db, meetingId);
  if (!meeting)
    throw new TrackTwoError('TT_ERR_NOT_FOUND', { field: 'meeting_id', reason: 'no such meeting' });
  raiseIssue(checkAttendable(meeting));
  const ids = attendees.map((attendee) => attendee.actor_id);
  raiseIssue(checkAttendeesKnown(ids, await meetings.actorIdsOfConflict(db, meeting.conflict_id, ids)));

  const before = await meetings.listAttendances(db, meetingId);
  const present = new Set(before.map((attendance) => attendance.actor_id));
  const newcomers = attendees.filter((attendee) => !present.has(attendee.actor_id));
  const returning = attendees.filter((attendee) => present.has(attendee.actor_id));
  await meetings.insertAttendances(db, meetingId, newcomers);
  for (const attendee of returning) await meetings.setAttendanceRole(db, meetingId, attendee);
  const metTies = await upsertMetTies(db, {
    workspace_id: meeting.workspace_id,
    conflict_id: meeting.conflict_id,
    on: meeting.held_on,
    meeting_id: meeting.id,
    newcomers: newcomers.map((attendee) => attendee.actor_id),
    present: [...present],
  });
  return {
    attendances: await meetings.listAttendances(db, meetingId),
    added: newcomers.length,
    ties: metTies,
  };
}
