import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './scalars.js';

/** The two texts a meeting keeps: minutes (what was said, shared under the ground rule) and working notes. */
export const meetingTextKinds = ['minutes', 'notes'] as const;
export type MeetingTextKind = (typeof meetingTextKinds)[number];

/** Long enough for a day's minutes; a text is stored whole, never in pieces. */
export const MEETING_TEXT_MAX = 100_000;

/** A meeting's minutes or notes; `updated_at` is null while none were written (the body is then empty). */
export const meetingTextSchema = z.strictObject({
  meeting_id: idSchema,
  kind: z.enum(meetingTextKinds),
  body: z.string().max(MEETING_TEXT_MAX),
  updated_at: isoTimestampSchema.nullable(),
});
export type MeetingText = z.infer<typeof meetingTextSchema>;

/** The whole text, replaced at once; an empty body clears it. */
export const meetingTextPutSchema = z.strictObject({
  body: z.string().max(MEETING_TEXT_MAX),
});
export type MeetingTextPut = z.infer<typeof meetingTextPutSchema>;
