import type { Kysely } from 'kysely';
import type { Attendance, Meeting } from '../../domain/meeting.js';
import type { AttendanceRole, GroundRule, MeetingStatus } from '../../domain/vocabulary.js';
import { mapStoreErrors } from '../errors.js';
import { onlyColumns } from './columns.js';
import { newId, nowIso } from '../ids.js';
import type { Database } from '../schema.js';

export interface NewMeeting {
  id?: string;
  initiative_id: string;
  title: string;
  held_on: string;
  place?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  ground_rule: GroundRule;
  status?: MeetingStatus;
  created_at?: string;
}

export interface MeetingChanges {
  title?: string;
  held_on?: string;
  place?: string | null;
  latitude?: number | null;
  longitude?: number | null;
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

export async function createMeeting(db: Kysely<Database>, input: NewMeeting): Promise<Meeting> {
  const meeting: Meeting = {
    id: input.id ?? newId(),
    initiative_id: input.initiative_id,
    title: input.title,
    held_on: input.held_on,
    place: input.place ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    ground_rule: input.ground_rule,
    status: input.status ?? 'planned',
    created_at: input.created_at ?? nowIso(),
  };
  // Coordinates are written only when there are some (columns of migration 0009 an insert may leave out).
  const { latitude, longitude, ...row } = meeting;
  const values = latitude === null && longitude === null ? row : meeting;
  await mapStoreErrors(() => db.insertInto('meetings').values(values).execute(), { record: 'meeting' });
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
  const changes = onlyColumns(patch, [
    'title',
    'held_on',
    'place',
    'latitude',
    'longitude',
    'ground_rule',
    'status',
  ]);
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
    .select(['meeting_id', 'actor_id', 'role'])
    .where('meeting_id', '=', meetingId)
    .where('deleted_at', 'is', null)
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
    .where('attendances.deleted_at', 'is', null)
    .orderBy('meetings.held_on')
    .execute();
}

/** What attendance needs to know of a meeting: its day, its status and its initiative's scope. */
export async function getMeetingScope(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('meetings')
    .innerJoin('initiatives', 'initiatives.id', 'meetings.initiative_id')
    .select([
      'meetings.id',
      'meetings.held_on',
      'meetings.status',
      'initiatives.workspace_id',
      'initiatives.conflict_id',
    ])
    .where('meetings.id', '=', id)
    .executeTakeFirst();
}

/** Those of `actorIds` that are actors of the conflict. */
export async function actorIdsOfConflict(
  db: Kysely<Database>,
  conflictId: string,
  actorIds: readonly string[],
): Promise<Set<string>> {
  if (actorIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('actors')
    .select('id')
    .where('id', 'in', [...actorIds])
    .where('conflict_id', '=', conflictId)
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function insertAttendances(
  db: Kysely<Database>,
  meetingId: string,
  attendees: readonly AttendeeInput[],
): Promise<void> {
  if (attendees.length === 0) return;
  await mapStoreErrors(
    () =>
      db
        .insertInto('attendances')
        .values(attendees.map((attendee) => ({ meeting_id: meetingId, ...attendee })))
        // An attendance retention had hidden, recorded again, is a new record of it.
        .onConflict((oc) =>
          oc
            .columns(['meeting_id', 'actor_id'])
            .doUpdateSet((eb) => ({ role: eb.ref('excluded.role'), deleted_at: null })),
        )
        .execute(),
    { record: 'attendance' },
  );
}

export async function setAttendanceRole(
  db: Kysely<Database>,
  meetingId: string,
  attendee: AttendeeInput,
): Promise<void> {
  await db
    .updateTable('attendances')
    .set({ role: attendee.role })
    .where('meeting_id', '=', meetingId)
    .where('actor_id', '=', attendee.actor_id)
    .execute();
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
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
