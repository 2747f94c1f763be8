import type { Kysely } from 'kysely';
import type { MeetingTextKind } from '../../domain/meeting-text.js';
import { nowIso } from '../ids.js';
import type { Database } from '../schema.js';
import type { MeetingTextsTable } from '../tables/meeting-texts.js';

export async function getMeetingText(
  db: Kysely<Database>,
  meetingId: string,
  kind: MeetingTextKind,
): Promise<MeetingTextsTable | undefined> {
  return db
    .selectFrom('meeting_texts')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Writes the whole text (insert or replace); returns the row as stored. */
export async function putMeetingText(
  db: Kysely<Database>,
  meetingId: string,
  kind: MeetingTextKind,
  body: string,
): Promise<MeetingTextsTable> {
  const row: MeetingTextsTable = {
    meeting_id: meetingId,
    kind,
    body,
    updated_at: nowIso(),
    deleted_at: null,
  };
  await db
    .insertInto('meeting_texts')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(['meeting_id', 'kind'])
        // A text written again after retention hid the old one is a new text: shown again.
        .doUpdateSet({ body: row.body, updated_at: row.updated_at, deleted_at: null }),
    )
    .execute();
  return row;
}

export async function deleteMeetingText(
  db: Kysely<Database>,
  meetingId: string,
  kind: MeetingTextKind,
): Promise<boolean> {
  const result = await db
    .deleteFrom('meeting_texts')
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes the minutes and notes of every meeting of an initiative (emergency erasure); returns how many. */
export async function deleteMeetingTextsOfInitiative(
  db: Kysely<Database>,
  initiativeId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('meeting_texts')
    .where(
      'meeting_id',
      'in',
      db.selectFrom('meetings').select('id').where('initiative_id', '=', initiativeId),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
