import { z } from 'zod';
import {
  actorKinds,
  actorRoles,
  tracks,
  genders,
  tieKinds,
  tieSources,
  conflictEventKinds,
  initiativeStatuses,
  initiativeCapacities,
  groundRules,
  meetingStatuses,
  attendanceRoles,
  outcomeKinds,
  transferStatuses,
  initiativeRoles,
} from './vocabulary-lists.js';

/**
 * The schemas of the domain's closed lists (the lists themselves are in vocabulary-lists.ts). Stored as
 * text; zod is the gate (the store adds a CHECK where cheap).
 */

export * from './vocabulary-lists.js';

export const actorKindSchema = z.enum(actorKinds);
export type ActorKind = z.infer<typeof actorKindSchema>;

export const actorRoleSchema = z.enum(actorRoles);
export type ActorRole = z.infer<typeof actorRoleSchema>;

export const trackSchema = z.enum(tracks);
export type Track = z.infer<typeof trackSchema>;

export const genderSchema = z.enum(genders);
export type Gender = z.infer<typeof genderSchema>;

export const tieKindSchema = z.enum(tieKinds);
export type TieKind = z.infer<typeof tieKindSchema>;

export const tieSourceSchema = z.enum(tieSources);
export type TieSource = z.infer<typeof tieSourceSchema>;

export const conflictEventKindSchema = z.enum(conflictEventKinds);
export type ConflictEventKind = z.infer<typeof conflictEventKindSchema>;

export const initiativeStatusSchema = z.enum(initiativeStatuses);
export type InitiativeStatus = z.infer<typeof initiativeStatusSchema>;

export const initiativeCapacitySchema = z.enum(initiativeCapacities);
export type InitiativeCapacity = z.infer<typeof initiativeCapacitySchema>;

export const groundRuleSchema = z.enum(groundRules);
export type GroundRule = z.infer<typeof groundRuleSchema>;

export const meetingStatusSchema = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

export const attendanceRoleSchema = z.enum(attendanceRoles);
export type AttendanceRole = z.infer<typeof attendanceRoleSchema>;

export const outcomeKindSchema = z.enum(outcomeKinds);
export type OutcomeKind = z.infer<typeof outcomeKindSchema>;

export const transferStatusSchema = z.enum(transferStatuses);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

export const initiativeRoleSchema = z.enum(initiativeRoles);
export type InitiativeRole = z.infer<typeof initiativeRoleSchema>;
