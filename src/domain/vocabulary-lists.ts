/**
 * The closed lists of the domain as plain arrays, without zod: vocabulary.ts builds its schemas from them
 * and the browser app imports them as they are, so adding a value is a change here and nowhere else.
 */

export const actorKinds = ['person', 'organisation'] as const;

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

/** Tracks are text, not numbers: `1.5` must survive both engines and JSON unchanged. */
export const tracks = ['1', '1.5', '2', '3'] as const;

export const genders = ['woman', 'man', 'other', 'undisclosed'] as const;

export const tieKinds = ['knows', 'trusts', 'kin', 'works_with', 'met', 'influences', 'hostile'] as const;

export const tieSources = ['observed', 'reported', 'meeting'] as const;

export const conflictEventKinds = ['ceasefire', 'truce', 'accord', 'breakdown', 'talks', 'other'] as const;

export const initiativeStatuses = ['planned', 'active', 'paused', 'closed'] as const;

/** How an actor serves an initiative (not an account's role: that is security's `memberships`). */
export const initiativeCapacities = ['convener', 'facilitator'] as const;

export const groundRules = ['open', 'chatham_house', 'closed'] as const;

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;

export const attendanceRoles = ['participant', 'convener', 'facilitator', 'observer', 'third_party'] as const;

export const outcomeKinds = ['proposal', 'agreement', 'statement', 'other'] as const;

export const transferStatuses = ['handed', 'noted', 'adopted', 'rejected'] as const;

/** Account roles per initiative (security's `memberships`), listed here so every layer shares one list. */
export const initiativeRoles = [
  'convener',
  'facilitator',
  'participant',
  'researcher',
  'funder',
  'translator',
  'field_monitor',
] as const;
