import { z } from 'zod';
import {
  checkNotEmpty,
  checkUnique,
  idSchema,
  isoDateSchema,
  isoTimestampSchema,
  placeSchema,
  latitudeSchema,
  longitudeSchema,
  checkCoordinatePair,
  titleSchema,
} from './scalars.js';
import { attendanceRoleSchema, groundRuleSchema, meetingStatusSchema } from './vocabulary.js';

/**
 * One round of an initiative. Place is coarse on purpose (city or region: the administrative area); the
 * optional coordinates are stored no finer than the initiative's location precision.
 */
export const meetingSchema = z.strictObject({
  id: idSchema,
  initiative_id: idSchema,
  title: titleSchema,
  held_on: isoDateSchema,
  place: placeSchema.nullable(),
  latitude: latitudeSchema.nullable(),
  longitude: longitudeSchema.nullable(),
  ground_rule: groundRuleSchema,
  status: meetingStatusSchema,
  created_at: isoTimestampSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingCreateSchema = z
  .strictObject({
    initiative_id: idSchema,
    title: titleSchema,
    held_on: isoDateSchema,
    place: placeSchema.nullable().default(null),
    latitude: latitudeSchema.nullable().optional(),
    longitude: longitudeSchema.nullable().optional(),
    ground_rule: groundRuleSchema.default('chatham_house'),
    status: meetingStatusSchema.default('planned'),
  })
  .superRefine(checkCoordinatePair);
export type MeetingCreate = z.input<typeof meetingCreateSchema>;

export const meetingPatchSchema = z
  .strictObject({
    title: titleSchema,
    held_on: isoDateSchema,
    place: placeSchema.nullable(),
    latitude: latitudeSchema.nullable(),
    longitude: longitudeSchema.nullable(),
    ground_rule: groundRuleSchema,
    status: meetingStatusSchema,
  })
  .partial()
  .superRefine((value, ctx) => {
    checkNotEmpty(value, ctx);
    if ('latitude' in value || 'longitude' in value) checkCoordinatePair(value, ctx);
  });
export type MeetingPatch = z.infer<typeof meetingPatchSchema>;

export const attendanceSchema = z.strictObject({
  meeting_id: idSchema,
  actor_id: idSchema,
  role: attendanceRoleSchema,
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const attendeeSchema = z.strictObject({
  actor_id: idSchema,
  role: attendanceRoleSchema.default('participant'),
});
export type Attendee = z.input<typeof attendeeSchema>;

/** Records who attended; each pair of attendees gets (or strengthens) a `met` tie. */
export const attendanceCreateSchema = z
  .strictObject({
    attendees: z.array(attendeeSchema).min(1).max(500),
  })
  .superRefine((value, ctx) =>
    checkUnique(
      value.attendees,
      (attendee) => attendee.actor_id,
      ctx,
      (index) => ['attendees', index, 'actor_id'],
      'listed twice',
    ),
  );
export type AttendanceCreate = z.input<typeof attendanceCreateSchema>;
