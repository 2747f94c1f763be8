import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The queries of retention: hide (mark `deleted_at`) what a period has outlived, purge what has been hidden
 * for longer than the grace period. Which records and from which date is the service's (src/services/privacy).
 */

function meetingsOf(db: Kysely<Database>, initiativeId: string) {
  return db.selectFrom('meetings').select('id').where('initiative_id', '=', initiativeId);
}

function surveysOf(db: Kysely<Database>, initiativeId: string) {
  return db.selectFrom('surveys').select('id').where('initiative_id', '=', initiativeId);
}

/** Hides the attendance of the initiative's meetings held before `before`; returns how many rows. */
export async function hideAttendances(
  db: Kysely<Database>,
  initiativeId: string,
  before: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('attendances')
    .set({ deleted_at: at })
    .where('deleted_at', 'is', null)
    .where('meeting_id', 'in', meetingsOf(db, initiativeId).where('held_on', '<', before))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the initiative's attendance hidden before `hiddenBefore`. */
export async function purgeAttendances(
  db: Kysely<Database>,
  initiativeId: string,
  hiddenBefore: string,
): Promise<number> {
  const result = await db
    .deleteFrom('attendances')
    .where('deleted_at', '<', hiddenBefore)
    .where('meeting_id', 'in', meetingsOf(db, initiativeId))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Hides the raw answers to the initiative's surveys submitted before `before`. */
export async function hideAnswers(
  db: Kysely<Database>,
  initiativeId: string,
  before: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('survey_responses')
    .set({ deleted_at: at })
    .where('deleted_at', 'is', null)
    .where('submitted_at', '<', before)
    .where('survey_id', 'in', surveysOf(db, initiativeId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the initiative's raw answers hidden before `hiddenBefore`. */
export async function purgeAnswers(
  db: Kysely<Database>,
  initiativeId: string,
  hiddenBefore: string,
): Promise<number> {
  const result = await db
    .deleteFrom('survey_responses')
    .where('deleted_at', '<', hiddenBefore)
    .where('survey_id', 'in', surveysOf(db, initiativeId))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Hides the minutes and notes of the initiative's meetings held before `before` (the attendance period). */
export async function hideMeetingTexts(
  db: Kysely<Database>,
  initiativeId: string,
  before: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('meeting_texts')
    .set({ deleted_at: at })
    .where('deleted_at', 'is', null)
    .where('meeting_id', 'in', meetingsOf(db, initiativeId).where('held_on', '<', before))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the initiative's minutes and notes hidden before `hiddenBefore`. */
export async function purgeMeetingTexts(
  db: Kysely<Database>,
  initiativeId: string,
  hiddenBefore: string,
): Promise<number> {
  const result = await db
    .deleteFrom('meeting_texts')
    .where('deleted_at', '<', hiddenBefore)
    .where('meeting_id', 'in', meetingsOf(db, initiativeId))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Hides the initiative's invitation links that have ended (accepted, withdrawn, or expired by `now`). */
export async function hideEndedInvitations(
  db: Kysely<Database>,
  initiativeId: string,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable('invitation_links')
    .set({ deleted_at: now })
    .where('initiative_id', '=', initiativeId)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('accepted_at', 'is not', null),
        eb('revoked_at', 'is not', null),
        eb('expires_at', '<', now),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the initiative's invitation links hidden before `hiddenBefore`. */
export async function purgeInvitations(
  db: Kysely<Database>,
  initiativeId: string,
  hiddenBefore: string,
): Promise<number> {
  const result = await db
    .deleteFrom('invitation_links')
    .where('initiative_id', '=', initiativeId)
    .where('deleted_at', '<', hiddenBefore)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The initiatives with invitation links to hide or purge at `now` (any initiative, whatever its periods). */
export async function initiativesWithInvitationsToRetain(
  db: Kysely<Database>,
  now: string,
  hiddenBefore: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('invitation_links')
    .select('initiative_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb('deleted_at', '<', hiddenBefore),
        eb.and([
          eb('deleted_at', 'is', null),
          eb.or([
            eb('accepted_at', 'is not', null),
            eb('revoked_at', 'is not', null),
            eb('expires_at', '<', now),
          ]),
        ]),
      ]),
    )
    .orderBy('initiative_id')
    .execute();
  return rows.map((row) => row.initiative_id);
}

/** One initiative naming an actor, with what the actor's identity period there counts from. */
export interface IdentityAnchorRow {
  initiative_id: string;
  identities_days: number | null;
  ended_on: string | null;
  /** The last meeting of that initiative the actor attended (hidden attendance counts: it happened). */
  last_attended: string | null;
}

/** Every initiative naming the actor (convener or facilitator, attendee, dialogue participant). */
export async function identityAnchors(db: Kysely<Database>, actorId: string): Promise<IdentityAnchorRow[]> {
  const named = await db
    .selectFrom('initiative_actors')
    .select('initiative_id')
    .where('actor_id', '=', actorId)
    .union(
      db
        .selectFrom('attendances')
        .innerJoin('meetings', 'meetings.id', 'attendances.meeting_id')
        .select('meetings.initiative_id')
        .where('attendances.actor_id', '=', actorId),
    )
    .union(
      db
        .selectFrom('dialogue_participants')
        .innerJoin('dialogues', 'dialogues.id', 'dialogue_participants.dialogue_id')
        .select('dialogues.initiative_id')
        .where('dialogue_participants.actor_id', '=', actorId),
    )
    .execute();
  const anchors: IdentityAnchorRow[] = [];
  for (const { initiative_id } of named) {
    const initiative = await db
      .selectFrom('initiatives')
      .leftJoin('initiative_privacy', 'initiative_privacy.initiative_id', 'initiatives.id')
      .select(['initiatives.ended_on', 'initiative_privacy.identities_days'])
      .where('initiatives.id', '=', initiative_id)
      .executeTakeFirst();
    if (!initiative) continue;
    const last = await db
      .selectFrom('attendances')
      .innerJoin('meetings', 'meetings.id', 'attendances.meeting_id')
      .select((eb) => eb.fn.max('meetings.held_on').as('last'))
      .where('attendances.actor_id', '=', actorId)
      .where('meetings.initiative_id', '=', initiative_id)
      .executeTakeFirst();
    anchors.push({
      initiative_id,
      identities_days: initiative.identities_days ?? null,
      ended_on: initiative.ended_on,
      last_attended: (last?.last as string | null | undefined) ?? null,
    });
  }
  return anchors.sort((a, b) => (a.initiative_id < b.initiative_id ? -1 : 1));
}

/** The identity facts of an actor retention weighs: its workspace, when it was written, whether hidden. */
export function identityFacts(db: Kysely<Database>, actorId: string) {
  return db
    .selectFrom('actor_identities')
    .select([
      'actor_identities.workspace_id',
      'actor_identities.updated_at as identity_updated_at',
      'actor_identities.deleted_at',
    ])
    .where('actor_identities.actor_id', '=', actorId)
    .executeTakeFirst();
}

/** Hides an identity: no read returns it, and its name tokens go (a hidden name is not searchable). */
export async function hideIdentity(db: Kysely<Database>, actorId: string, at: string): Promise<void> {
  await db.updateTable('actor_identities').set({ deleted_at: at }).where('actor_id', '=', actorId).execute();
  await db.deleteFrom('actor_name_index').where('actor_id', '=', actorId).execute();
}
