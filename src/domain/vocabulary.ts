import { z } from 'zod';

/**
 * The closed lists of the domain. Stored as text; zod is the gate (the store adds a CHECK where cheap),
 * so adding a value is a code change here and nowhere else.
 */

export const actorKinds = ['person', 'organisation'] as const;
export const actorKindSchema = z.enum(actorKinds);
export type ActorKind = z.infer<typeof actorKindSchema>;

/** The citizen-diplomacy roles of docs/architecture.md ("The domain"), plus the official and third-party roles actors also hold. */
export const actorRoles = [
  'peace_activist',
  'scholar',
  'journalist',
  'former_statesman',
  'former_military_officer',
  'elder',
  'religious_leader',
  'womens_leader',
  'youth_leader',
  'non_state_representative',
  'state_official',
  'armed_group_representative',
  'third_party',
  'other',
] as const;
export const actorRoleSchema = z.enum(actorRoles);
export type ActorRole = z.infer<typeof actorRoleSchema>;

/** Tracks are text, not numbers: `1.5` must survive both engines and JSON unchanged. */
export const tracks = ['1', '1.5', '2', '3'] as const;
export const trackSchema = z.enum(tracks);
export type Track = z.infer<typeof trackSchema>;

export const genders = ['woman', 'man', 'other', 'undisclosed'] as const;
export const genderSchema = z.enum(genders);
export type Gender = z.infer<typeof genderSchema>;

export const tieKinds = ['knows', 'trusts', 'kin', 'works_with', 'met', 'influences', 'hostile'] as const;
export const tieKindSchema = z.enum(tieKinds);
export type TieKind = z.infer<typeof tieKindSchema>;

export const tieSources = ['observed', 'reported', 'meeting'] as const;
export const tieSourceSchema = z.enum(tieSources);
export type TieSource = z.infer<typeof tieSourceSchema>;

export const conflictEventKinds = ['ceasefire', 'truce', 'accord', 'breakdown', 'talks', 'other'] as const;
export const conflictEventKindSchema = z.enum(conflictEventKinds);
export type ConflictEventKind = z.infer<typeof conflictEventKindSchema>;

export const initiativeStatuses = ['planned', 'active', 'paused', 'closed'] as const;
export const initiativeStatusSchema = z.enum(initiativeStatuses);
export type InitiativeStatus = z.infer<typeof initiativeStatusSchema>;

/** How an actor serves an initiative (not an account's role: that is security's `memberships`). */
export const initiativeCapacities = ['convener', 'facilitator'] as const;
export const initiativeCapacitySchema = z.enum(initiativeCapacities);
export type InitiativeCapacity = z.infer<typeof initiativeCapacitySchema>;

export const groundRules = ['open', 'chatham_house', 'closed'] as const;
export const groundRuleSchema = z.enum(groundRules);
export type GroundRule = z.infer<typeof groundRuleSchema>;

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export const meetingStatusSchema = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

export const attendanceRoles = ['participant', 'convener', 'facilitator', 'observer', 'third_party'] as const;
export const attendanceRoleSchema = z.enum(attendanceRoles);
export type AttendanceRole = z.infer<typeof attendanceRoleSchema>;

export const outcomeKinds = ['proposal', 'agreement', 'statement', 'other'] as const;
export const outcomeKindSchema = z.enum(outcomeKinds);
export type OutcomeKind = z.infer<typeof outcomeKindSchema>;

export const transferStatuses = ['handed', 'noted', 'adopted', 'rejected'] as const;
export const transferStatusSchema = z.enum(transferStatuses);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

/** Account roles per initiative (security's `memberships`), listed here so every layer shares one list. */
export const initiativeRoles = ['convener', 'facilitator', 'participant', 'researcher', 'funder'] as const;
export const initiativeRoleSchema = z.enum(initiativeRoles);
export type InitiativeRole = z.infer<typeof initiativeRoleSchema>;
