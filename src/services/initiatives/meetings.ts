import type { z } from 'zod';
import type {
  Attendance,
  Meeting,
  attendanceCreateSchema,
  meetingCreateSchema,
  meetingPatchSchema,
} from '../../domain/meeting.js';
import type { Page, PageOf } from '../../domain/scalars.js';
import { canSeeAttendance } from '../../security/access.js';
import * as repo from '../../store/repositories/meetings.js';
import { audit, must, pageOf, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import type { AttendanceRecorded, MeetingAttended } from '../../domain/meeting-attended.js';
import { recordAttendees } from './attendance.js';
import { coarsenMeetingInput } from '../privacy/location.js';
import { TrackTwoError } from '../../domain/errors.js';
import { getMeetingText as getMeetingTextRow } from '../../store/repositories/meeting-texts.js';
import { requireUnattributed } from './meeting-texts.js';

export function listMeetings(
  ctx: ServiceContext,
  initiativeId: string,
  page: Page,
): Promise<PageOf<Meeting>> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'meetings.read', { initiativeId });
    return pageOf(await repo.listMeetings(trx, initiativeId), page);
  });
}

export function getMeeting(ctx: ServiceContext, id: string): Promise<Meeting> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'meetings.read', { meetingId: id });
    return must(await repo.getMeeting(trx, id), 'meeting');
  });
}

export function createMeeting(
  ctx: ServiceContext,
  input: z.output<typeof meetingCreateSchema>,
): Promise<Meeting> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'meetings.write', {
      initiativeId: input.initiative_id,
    });
    const meeting = await repo.createMeeting(trx, await coarsenMeetingInput(trx, input.initiative_id, input));
    await audit(trx, ctx.keys, ctx.auth, 'meeting.create', 'meeting', meeting.id, grant.workspaceId);
    return meeting;
  });
}

export function updateMeeting(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof meetingPatchSchema>,
): Promise<Meeting> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'meetings.write', { meetingId: id });
    const current = must(await repo.getMeeting(trx, id), 'meeting');
    if (changes.status === 'cancelled' && current.status !== 'cancelled') {
      // Nobody meets at a meeting that did not take place (checkAttendable): attendance says it did.
      if ((await repo.listAttendances(trx, id)).length > 0)
        throw new TrackTwoError('TT_ERR_MEETING_CANCEL_ATTENDED', {
          field: 'status',
          reason: 'the meeting has attendees recorded',
        });
    }
    if (changes.ground_rule === 'chatham_house' && current.ground_rule !== 'chatham_house') {
      // Minutes written under another rule must not attribute once the meeting is held to Chatham House.
      const minutes = await getMeetingTextRow(trx, id, 'minutes');
      if (minutes)
        await requireUnattributed(
          trx,
          ctx.keys,
          grant.workspaceId,
          { id, ground_rule: 'chatham_house' },
          minutes.body,
        );
    }
    const coarse = await coarsenMeetingInput(trx, current.initiative_id, changes);
    const meeting = must(await repo.updateMeeting(trx, id, coarse), 'meeting');
    await audit(trx, ctx.keys, ctx.auth, 'meeting.update', 'meeting', id, grant.workspaceId);
    return meeting;
  });
}

export function deleteMeeting(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'meetings.write', { meetingId: id });
    await repo.deleteMeeting(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'meeting.delete', 'meeting', id, grant.workspaceId);
  });
}

/**
 * Who attended. Under Chatham House or closed rules only the initiative's conveners (and administrators)
 * see the list; for open meetings facilitators too (requireAccess resolves the meeting's ground rule).
 */
export function listAttendance(ctx: ServiceContext, meetingId: string): Promise<Attendance[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'attendance.read', { meetingId });
    return repo.listAttendances(trx, meetingId);
  });
}

/**
 * Records attendees; in the same transaction every new pair of attendees gets a `met` tie, or its tie is
 * strengthened. The reply says how many ties were made or strengthened, never who met whom. Under Chatham
 * House or closed rules only those who may read the list may write it (see attendanceRoles): the counts,
 * and a removal's 204 or 404, would tell anyone else who attended.
 */
export function recordAttendance(
  ctx: ServiceContext,
  meetingId: string,
  input: z.output<typeof attendanceCreateSchema>,
): Promise<AttendanceRecorded> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'attendance.write', { meetingId });
    const result = await recordAttendees(trx, meetingId, input.attendees);
    await audit(trx, ctx.keys, ctx.auth, 'attendance.record', 'meeting', meetingId, grant.workspaceId);
    return { added: result.added, attendees: result.attendances.length, ties: result.ties };
  });
}

export function removeAttendance(ctx: ServiceContext, meetingId: string, actorId: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'attendance.write', { meetingId });
    must((await repo.removeAttendance(trx, meetingId, actorId)) || undefined, 'attendance');
    await audit(trx, ctx.keys, ctx.auth, 'attendance.remove', 'meeting', meetingId, grant.workspaceId);
  });
}

export type { MeetingAttended };

/**
 * The meetings an actor attended, as far as the caller may see each meeting's attendance: a Chatham
 * House or closed meeting is listed only to its own conveners (and the workspace's administrators), so
 * the actor page never shows an attendance the meeting page would hide.
 */
export function meetingsAttendedBy(ctx: ServiceContext, actorId: string): Promise<MeetingAttended[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'actors.read', { actorId });
    const visible: MeetingAttended[] = [];
    for (const attendance of await repo.listAttendancesOfActor(trx, actorId)) {
      if (!(await canSeeAttendance(trx, ctx.auth, attendance.meeting_id))) continue;
      const meeting = await repo.getMeeting(trx, attendance.meeting_id);
      if (!meeting) continue;
      visible.push({
        meeting_id: meeting.id,
        initiative_id: meeting.initiative_id,
        title: meeting.title,
        held_on: meeting.held_on,
        ground_rule: meeting.ground_rule,
        status: meeting.status,
        role: attendance.role,
      });
    }
    return visible;
  });
}
