import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import type { Attendance, Meeting } from '../../domain/meeting.js';
import type { AttendanceRole, GroundRule, MeetingStatus } from '../../domain/vocabulary.js';
import { mapStoreErrors } from '../errors.js';
import { onlyColumns } from './columns.js';
import { newId, nowIso } from '../ids.js';
import type { Database } from '../schema.js';
import { upsertMetTies, type MetTiesResult } from './ties.js';

export interface NewMeeting {
  id?: string;
  initiative_id: string;
  title: string;
  held_on: string;
  place?: string | null;
  ground_rule: GroundRule;
  status?: MeetingStatus;
  created_at?: string;
}

export interface MeetingChanges {
  title?: string;
  held_on?: string;
  place?: string | null;
  ground_rule?: GroundRule;
  status?: MeetingStatus;
}

export interface MeetingListFilter {
  from?: string;
  to?: string;
  status?: MeetingStatus;
}

export interface AttendeeInput {
  actor_id: string;
  role: AttendanceRole;
}

export interface AttendanceResult {
  /** Every attendance of the meeting after the change. */
  attendances: Attendance[];
  /** Attendees recorded by this call (those not yet recorded). */
  added: number;
  ties: MetTiesResult;
}

export async function createMeeting(db: Kysely<Database>, input: NewMeeting): Promise<Meeting> {
  const meeting: Meeting = {
    id: input.id ?? newId(),
    initiative_id: input.initiative_id,
    title: input.title,
    held_on: input.held_on,
    place: input.place ?? null,
    ground_rule: input.ground_rule,
    status: input.status ?? 'planned',
    created_at: input.created_at ?? nowIso(),
  };
  await mapStoreErrors(() => db.insertInto('meetings').values(meeting).execute(), { record: 'meeting' });
  return meeting;
}

export async function getMeeting(db: Kysely<Database>, id: string): Promise<Meeting | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An initiative's meetings by date. */
export async function listMeetings(
  db: Kysely<Database>,
  initiativeId: string,
  filter: MeetingListFilter = {},
): Promise<Meeting[]> {
  let query = db
    .selectFrom('meetings')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .orderBy('held_on')
    .orderBy('id');
  if (filter.from) query = query.where('held_on', '>=', filter.from);
  if (filter.to) query = query.where('held_on', '<=', filter.to);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.execute();
}

export async function updateMeeting(
  db: Kysely<Database>,
  id: string,
  patch: MeetingChanges,
): Promise<Meeting | undefined> {
  const changes = onlyColumns(patch, ['title', 'held_on', 'place', 'ground_rule', 'status']);
  if (Object.keys(changes).length > 0) {
    await mapStoreErrors(() => db.updateTable('meetings').set(changes).where('id', '=', id).execute(), {
      record: 'meeting',
    });
  }
  return getMeeting(db, id);
}

/**
 * Deletes the meeting and its attendances; its outcomes stay, detached. Ties it made stay, without this
 * meeting in their `tie_meetings` (a `meeting` tie left with none is shown to administrators only).
 */
export async function deleteMeeting(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('meetings').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listAttendances(db: Kysely<Database>, meetingId: string): Promise<Attendance[]> {
  return db
    .selectFrom('attendances')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('actor_id')
    .execute();
}

/** The meetings an actor attended (ids and roles), by date. */
export async function listAttendancesOfActor(
  db: Kysely<Database>,
  actorId: string,
): Promise<Array<Attendance & { initiative_id: string; held_on: string }>> {
  return db
    .selectFrom('attendances')
    .innerJoin('meetings', 'meetings.id', 'attendances.meeting_id')
    .select([
      'attendances.meeting_id',
      'attendances.actor_id',
      'attendances.role',
      'meetings.initiative_id',
      'meetings.held_on',
    ])
    .where('attendances.actor_id', '=', actorId)
    .orderBy('meetings.held_on')
    .execute();
}

/**
 * Records attendees of a meeting. New attendees get or strengthen a `met` tie with every other
 * attendee (see upsertMetTies); an attendee already recorded only has its role updated. Attendees must
 * be actors of the initiative's conflict. Run it in one transaction with its audit row.
 */
export async function recordAttendance(
  db: Kysely<Database>,
  meetingId: string,
  attendees: readonly AttendeeInput[],
): Promise<AttendanceResult> {
  const meeting = await db
    .selectFrom('meetings')
    .innerJoin('initiatives', 'initiatives.id', 'meetings.initiative_id')
    .select([
      'meetings.id',
      'meetings.held_on',
      'meetings.status',
      'initiatives.workspace_id',
      'initiatives.conflict_id',
    ])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting)
    throw new TrackTwoError('TT_ERR_NOT_FOUND', { field: 'meeting_id', reason: 'no such meeting' });
  // Nobody met at a meeting that did not take place: no attendance, no `met` ties.
  if (meeting.status === 'cancelled') {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'meeting_id',
      reason: 'the meeting was cancelled: it has no attendance',
    });
  }

  const ids = [...new Set(attendees.map((attendee) => attendee.actor_id))];
  if (ids.length !== attendees.length) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'attendees',
      reason: 'an attendee is listed twice',
    });
  }
  const known = ids.length
    ? await db
        .selectFrom('actors')
        .select('id')
        .where('id', 'in', ids)
        .where('conflict_id', '=', meeting.conflict_id)
        .execute()
    : [];
  if (known.length !== ids.length) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'attendees',
      reason: "an attendee is not an actor of the initiative's conflict",
    });
  }

  const before = await listAttendances(db, meetingId);
  const present = new Set(before.map((attendance) => attendance.actor_id));
  const newcomers = attendees.filter((attendee) => !present.has(attendee.actor_id));
  const returning = attendees.filter((attendee) => present.has(attendee.actor_id));

  if (newcomers.length > 0) {
    await mapStoreErrors(
      () =>
        db
          .insertInto('attendances')
          .values(newcomers.map((attendee) => ({ meeting_id: meetingId, ...attendee })))
          .execute(),
      { record: 'attendance' },
    );
  }
  for (const attendee of returning) {
    await db
      .updateTable('attendances')
      .set({ role: attendee.role })
      .where('meeting_id', '=', meetingId)
      .where('actor_id', '=', attendee.actor_id)
      .execute();
  }
  const ties = await upsertMetTies(db, {
    workspace_id: meeting.workspace_id,
    conflict_id: meeting.conflict_id,
    on: meeting.held_on,
    meeting_id: meeting.id,
    newcomers: newcomers.map((attendee) => attendee.actor_id),
    present: [...present],
  });
  return { attendances: await listAttendances(db, meetingId), added: newcomers.length, ties };
}

/** Removes one attendance. The `met` ties it made stay: people who met cannot un-meet. */
export async function removeAttendance(
  db: Kysely<Database>,
  meetingId: string,
  actorId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('attendances')
    .where('meeting_id', '=', meetingId)
    .where('actor_id', '=', actorId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
