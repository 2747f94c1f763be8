import { z } from 'zod';
import { idSchema, isoDateSchema } from './scalars.js';
import { groundRuleSchema, meetingStatusSchema } from './vocabulary.js';

/** A meeting an actor attended, as the actor page lists it. */
export const meetingAttendedSchema = z.strictObject({
  meeting_id: idSchema,
  initiative_id: idSchema,
  title: z.string(),
  held_on: isoDateSchema,
  ground_rule: groundRuleSchema,
  status: meetingStatusSchema,
  role: z.string(),
});
export type MeetingAttended = z.infer<typeof meetingAttendedSchema>;

/** What recording attendees did: new attendances, the meeting's count, and the met ties made or strengthened. */
export const attendanceRecordedSchema = z.strictObject({
  added: z.number().int().min(0),
  attendees: z.number().int().min(0),
  ties: z.strictObject({ created: z.number().int().min(0), strengthened: z.number().int().min(0) }),
});
export type AttendanceRecorded = z.infer<typeof attendanceRecordedSchema>;
