import { z } from 'zod';
import { locationPrecisions, type LocationPrecision } from './location-precision.js';

/**
 * An initiative's retention periods and location precision. A period is a number of days, null to keep
 * the records. What each period counts from (see `retentionAnchors`):
 *
 * - identities: the person's last activity in the initiative (the later of their last attended meeting of
 *   it and the initiative's end date when it has ended; for someone who attended none, the time their
 *   identity was last written). Never longer than attendance (see identitiesOutliveAttendance);
 * - attendance: the meeting's date;
 * - raw survey answers: the time the answer was submitted (or last replaced);
 * - meetings' minutes and notes: the meeting's date, under the attendance period (they record who met);
 * - invitation links, in every initiative whatever its periods: hidden as soon as they are accepted,
 *   withdrawn or expired (an ended link serves nothing and holds an email address).
 *
 * When a period has run out the records are hidden at once (soft delete, marked `deleted_at`); after a grace
 * period of `retentionGraceDays` more they are purged (rows deleted, identities crypto-erased).
 */
export const retentionGraceDays = 30;

/** Ten years at most: a longer period is "keep" in all but name. */
const periodSchema = z.number().int().min(1).max(3650).nullable();

export const locationPrecisionSchema = z.enum(locationPrecisions);

export const privacySettingsSchema = z.strictObject({
  initiative_id: z.uuid(),
  identities_days: periodSchema,
  attendance_days: periodSchema,
  answers_days: periodSchema,
  location_precision: locationPrecisionSchema,
  grace_days: z.number().int(),
  updated_at: z.iso.datetime().nullable(),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const privacySettingsPatchSchema = z
  .strictObject({
    identities_days: periodSchema,
    attendance_days: periodSchema,
    answers_days: periodSchema,
    location_precision: locationPrecisionSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'give at least one setting to change' });
export type PrivacySettingsPatch = z.infer<typeof privacySettingsPatchSchema>;

export type { LocationPrecision };

const DAY_MS = 86_400_000;

/** The day (YYYY-MM-DD, UTC) `days` days before `now`. */
export function dayBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant (ISO) `days` days before `now`. */
export function instantBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

export interface RetentionCutoffs {
  /** Records counted from before this are hidden. */
  hideBefore: string;
  /** Records hidden before this are purged. */
  purgeHiddenBefore: string;
}

/**
 * The cut-offs of one period at `now`: a record whose date is before `hideBefore` is hidden; one hidden
 * before `purgeHiddenBefore` is purged. Dates compare as ISO text (a day sorts before its own timestamps).
 */
export function retentionCutoffs(now: Date, days: number): RetentionCutoffs {
  return { hideBefore: instantBefore(now, days), purgeHiddenBefore: instantBefore(now, retentionGraceDays) };
}

/** Whether a record last active on `anchor` (a day or an instant) has outlived a period of `days` at `now`. */
export function hasExpired(anchor: string, now: Date, days: number): boolean {
  return anchor < retentionCutoffs(now, days).hideBefore;
}

export interface RetentionCounts {
  identities_hidden: number;
  identities_purged: number;
  attendances_hidden: number;
  attendances_purged: number;
  answers_hidden: number;
  answers_purged: number;
  /** Invitation links (an email address each) hidden once accepted, withdrawn or expired, then purged. */
  invitations_hidden: number;
  invitations_purged: number;
  /** Meetings' minutes and notes, kept for the attendance period. */
  meeting_texts_hidden: number;
  meeting_texts_purged: number;
}

export const retentionCountsSchema = z.strictObject({
  identities_hidden: z.number().int().nonnegative(),
  identities_purged: z.number().int().nonnegative(),
  attendances_hidden: z.number().int().nonnegative(),
  attendances_purged: z.number().int().nonnegative(),
  answers_hidden: z.number().int().nonnegative(),
  answers_purged: z.number().int().nonnegative(),
  invitations_hidden: z.number().int().nonnegative(),
  invitations_purged: z.number().int().nonnegative(),
  meeting_texts_hidden: z.number().int().nonnegative(),
  meeting_texts_purged: z.number().int().nonnegative(),
});

export function noRetentionCounts(): RetentionCounts {
  return {
    identities_hidden: 0,
    identities_purged: 0,
    attendances_hidden: 0,
    attendances_purged: 0,
    answers_hidden: 0,
    answers_purged: 0,
    invitations_hidden: 0,
    invitations_purged: 0,
    meeting_texts_hidden: 0,
    meeting_texts_purged: 0,
  };
}

/** One initiative naming a person, as far as the person's identity period there goes. */
export interface IdentityAnchor {
  identities_days: number | null;
  /** The initiative's end, when it has ended. */
  ended_on: string | null;
  /** The last meeting of the initiative the person attended. */
  last_attended: string | null;
}

/**
 * The date a person's identity period counts from in one initiative: the later of their last attended
 * meeting there and the initiative's end; for someone who attended none (a convener, say), the time their
 * identity was last written.
 */
export function identityAnchorDate(anchor: IdentityAnchor, identityWritten: string): string {
  const dates = [anchor.ended_on, anchor.last_attended].filter((d): d is string => d !== null);
  return dates.length === 0 ? identityWritten : dates.reduce((a, b) => (a > b ? a : b));
}

/**
 * Whether a person's identity has outlived its keeping: only when every initiative naming them keeps
 * identities for a limited time and, in each, the period has run from `identityAnchorDate`. An initiative
 * that keeps identities (null) keeps the person: an identity is one for all initiatives.
 */
export function identityExpired(
  anchors: readonly IdentityAnchor[],
  identityWritten: string,
  now: Date,
): boolean {
  if (anchors.length === 0) return false;
  return anchors.every(
    (anchor) =>
      anchor.identities_days !== null &&
      hasExpired(identityAnchorDate(anchor, identityWritten), now, anchor.identities_days),
  );
}

/**
 * An identity may not outlive the attendance that ties the person to the initiative: once that is purged
 * the initiative no longer names them, and their identity would be kept for good.
 */
export function identitiesOutliveAttendance(settings: {
  identities_days: number | null;
  attendance_days: number | null;
}): boolean {
  // Keeping identities (null) is a choice, not an orphan: only a longer limited period is refused.
  if (settings.attendance_days === null || settings.identities_days === null) return false;
  return settings.identities_days > settings.attendance_days;
}
