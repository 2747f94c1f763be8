/**
 * The closed lists of src/domain/vocabulary.ts, copied as plain arrays: importing that module would pull
 * zod into the browser bundle. A test (vocabulary.test.ts) keeps the two in step.
 */
export const actorKinds = ['person', 'organisation'] as const;
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
export const tracks = ['1', '1.5', '2', '3'] as const;
export const genders = ['woman', 'man', 'other', 'undisclosed'] as const;
export const tieKinds = ['knows', 'trusts', 'kin', 'works_with', 'met', 'influences', 'hostile'] as const;
export const tieSources = ['observed', 'reported', 'meeting'] as const;
export const initiativeStatuses = ['planned', 'active', 'paused', 'closed'] as const;
export const groundRules = ['open', 'chatham_house', 'closed'] as const;
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export const attendanceRoles = ['participant', 'convener', 'facilitator', 'observer', 'third_party'] as const;
export const outcomeKinds = ['proposal', 'agreement', 'statement', 'other'] as const;
export const transferStatuses = ['handed', 'noted', 'adopted', 'rejected'] as const;
