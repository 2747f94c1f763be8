import { z } from 'zod';
import { TrackTwoError } from '../domain/errors.js';
import type { GroundRule, MeetingStatus } from '../domain/vocabulary.js';
import { canSeeAttendance } from '../security/access.js';
import { changePassword } from '../security/accounts.js';
import { createCookieSession, type IssuedSession } from '../security/sessions.js';
import { getActor } from '../store/repositories/actors.js';
import { getMeeting, listAttendancesOfActor } from '../store/repositories/meetings.js';
import { must, requireAccessOn } from './common.js';
import { inTransaction, type ServiceContext } from './context.js';

/** The password policy itself (length, common words) is checked by `changePassword`, with its own codes. */
export const passwordChangeSchema = z.strictObject({
  current_password: z.string().min(1).max(1_024),
  new_password: z.string().min(1).max(1_024),
});
export type PasswordChange = z.output<typeof passwordChangeSchema>;

/**
 * Changes the signed-in account's own password. Every session of the account ends (a stolen cookie or
 * token stops working); when `renewCookie` is set, the browser that asked gets a fresh cookie session in
 * the same transaction, so the person who changed it stays signed in.
 */
export function changeOwnPassword(
  ctx: ServiceContext,
  input: PasswordChange,
  options: { renewCookie: boolean; ttlMs?: number },
): Promise<IssuedSession | null> {
  const auth = ctx.auth;
  if (!auth || auth.system) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  return inTransaction(ctx, async (trx) => {
    await changePassword(trx, auth, {
      currentPassword: input.current_password,
      newPassword: input.new_password,
    });
    return options.renewCookie ? createCookieSession(trx, auth.accountId, { ttlMs: options.ttlMs }) : null;
  });
}

export interface MeetingAttended {
  meeting_id: string;
  initiative_id: string;
  title: string;
  held_on: string;
  ground_rule: GroundRule;
  status: MeetingStatus;
  role: string;
}

/**
 * The meetings an actor attended, as far as the caller may see each meeting's attendance: a Chatham
 * House or closed meeting is listed only to its own conveners (and the workspace's administrators), so
 * the actor page never shows an attendance the meeting page would hide.
 */
export function meetingsAttendedBy(ctx: ServiceContext, actorId: string): Promise<MeetingAttended[]> {
  return inTransaction(ctx, async (trx) => {
    const actor = must(await getActor(trx, actorId), 'actor');
    await requireAccessOn(trx, ctx.auth, 'actors.read', { conflictId: actor.conflict_id });
    const visible: MeetingAttended[] = [];
    for (const attendance of await listAttendancesOfActor(trx, actorId)) {
      if (!(await canSeeAttendance(trx, ctx.auth, attendance.meeting_id))) continue;
      const meeting = await getMeeting(trx, attendance.meeting_id);
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
