import type { Kysely } from 'kysely';
import { checkChathamHouseMinutes, type AttendeeHandles } from '../../domain/chatham-house.js';
import { TrackTwoError } from '../../domain/errors.js';
import type { Meeting } from '../../domain/meeting.js';
import type { MeetingText, MeetingTextKind } from '../../domain/meeting-text.js';
import { getIdentities, type VaultKeys } from '../../security/vault.js';
import { getActorsByIds } from '../../store/repositories/actors.js';
import * as meetings from '../../store/repositories/meetings.js';
import * as texts from '../../store/repositories/meeting-texts.js';
import type { Database } from '../../store/schema.js';
import { audit, must, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/**
 * A meeting's minutes or working notes. Who may read and write them follows the meeting's ground rule as
 * its attendance does (`minutes.read`, `minutes.write`): under Chatham House or closed rules its conveners.
 */
export function getMeetingText(
  ctx: ServiceContext,
  meetingId: string,
  kind: MeetingTextKind,
): Promise<MeetingText> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'minutes.read', { meetingId });
    const row = await texts.getMeetingText(trx, meetingId, kind);
    return { meeting_id: meetingId, kind, body: row?.body ?? '', updated_at: row?.updated_at ?? null };
  });
}

/** The attendees of a meeting as its minutes could name them: pseudonym and the names in the vault. */
export async function attendeeHandles(
  trx: Kysely<Database>,
  keys: VaultKeys,
  workspaceId: string,
  meetingId: string,
): Promise<AttendeeHandles[]> {
  const ids = (await meetings.listAttendances(trx, meetingId)).map((attendance) => attendance.actor_id);
  if (ids.length === 0) return [];
  const identities = await getIdentities(trx, keys, workspaceId, ids);
  return (await getActorsByIds(trx, ids)).map((actor) => ({
    actor_id: actor.id,
    pseudonym: actor.pseudonym,
    names: identities.get(actor.id)?.names ?? [],
  }));
}

/**
 * Refuses (TT_ERR_CHATHAM_HOUSE_ATTRIBUTED) minutes of a Chatham House meeting that name one of its
 * attendees. The refusal names the attendees by pseudonym only, never by the name it found.
 */
export async function requireUnattributed(
  trx: Kysely<Database>,
  keys: VaultKeys,
  workspaceId: string,
  meeting: Pick<Meeting, 'id' | 'ground_rule'>,
  minutes: string,
): Promise<void> {
  if (meeting.ground_rule !== 'chatham_house' || minutes.trim() === '') return;
  const issue = checkChathamHouseMinutes(
    meeting.ground_rule,
    minutes,
    await attendeeHandles(trx, keys, workspaceId, meeting.id),
  );
  if (issue)
    throw new TrackTwoError('TT_ERR_CHATHAM_HOUSE_ATTRIBUTED', { field: issue.field, reason: issue.reason });
}

/** Replaces a meeting's minutes or notes (an empty body clears them), applying the ground rule; audited. */
export function putMeetingText(
  ctx: ServiceContext,
  meetingId: string,
  kind: MeetingTextKind,
  body: string,
): Promise<MeetingText> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'minutes.write', { meetingId });
    const meeting = must(await meetings.getMeeting(trx, meetingId), 'meeting');
    if (kind === 'minutes') await requireUnattributed(trx, ctx.keys, grant.workspaceId, meeting, body);
    let text: MeetingText;
    if (body.trim() === '') {
      await texts.deleteMeetingText(trx, meetingId, kind);
      text = { meeting_id: meetingId, kind, body: '', updated_at: null };
    } else {
      const row = await texts.putMeetingText(trx, meetingId, kind, body);
      text = { meeting_id: meetingId, kind, body: row.body, updated_at: row.updated_at };
    }
    await audit(trx, ctx.keys, ctx.auth, `meeting.${kind}.write`, 'meeting', meetingId, grant.workspaceId);
    return text;
  });
}
