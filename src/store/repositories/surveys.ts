import type { Kysely, Selectable } from 'kysely';
import type { Instrument } from '../../domain/instruments.js';
import type { ExternalEffect, Survey, SurveyRespondent, SurveyWave } from '../../domain/survey.js';
import { mapStoreErrors } from '../errors.js';
import { chunks } from './chunks.js';
import type { Database } from '../schema.js';
import type { SurveyLinksTable, SurveyResponsesTable, SurveysTable } from '../tables/surveys.js';

/** Queries of the survey aggregate (surveys, waves, respondents, links, sealed responses). */

export type SurveyLinkRow = Selectable<SurveyLinksTable>;
export type SurveyResponseRow = Selectable<SurveyResponsesTable>;

function toSurvey(row: Selectable<SurveysTable>): Survey {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    initiative_id: row.initiative_id,
    title: row.title,
    instruments: JSON.parse(row.instruments_json) as Instrument[],
    out_groups: JSON.parse(row.out_groups_json) as string[],
    languages: JSON.parse(row.languages_json) as Survey['languages'],
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export async function insertSurvey(db: Kysely<Database>, survey: Survey): Promise<Survey> {
  await mapStoreErrors(
    () =>
      db
        .insertInto('surveys')
        .values({
          id: survey.id,
          workspace_id: survey.workspace_id,
          initiative_id: survey.initiative_id,
          title: survey.title,
          instruments_json: JSON.stringify(survey.instruments),
          out_groups_json: JSON.stringify(survey.out_groups),
          languages_json: JSON.stringify(survey.languages),
          created_at: survey.created_at,
          updated_at: survey.updated_at,
        })
        .execute(),
    { record: 'survey' },
  );
  return survey;
}

export async function getSurvey(db: Kysely<Database>, id: string): Promise<Survey | undefined> {
  const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSurvey(row);
}

export async function listSurveys(
  db: Kysely<Database>,
  filter: { initiativeIds?: readonly string[]; workspaceId?: string },
): Promise<Survey[]> {
  let query = db.selectFrom('surveys').selectAll();
  if (filter.initiativeIds) {
    if (filter.initiativeIds.length === 0) return [];
    query = query.where('initiative_id', 'in', [...filter.initiativeIds]);
  }
  if (filter.workspaceId) query = query.where('workspace_id', '=', filter.workspaceId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(toSurvey);
}

export async function updateSurvey(
  db: Kysely<Database>,
  id: string,
  changes: { title?: string; instruments?: Instrument[]; out_groups?: string[]; languages?: string[] },
  at: string,
): Promise<Survey | undefined> {
  await db
    .updateTable('surveys')
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.instruments ? { instruments_json: JSON.stringify(changes.instruments) } : {}),
      ...(changes.out_groups ? { out_groups_json: JSON.stringify(changes.out_groups) } : {}),
      ...(changes.languages ? { languages_json: JSON.stringify(changes.languages) } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
  return getSurvey(db, id);
}

export async function deleteSurvey(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('surveys').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertWave(db: Kysely<Database>, wave: SurveyWave): Promise<SurveyWave> {
  await mapStoreErrors(() => db.insertInto('survey_waves').values(wave).execute(), {
    record: 'survey wave',
  });
  return wave;
}

export function getWave(db: Kysely<Database>, id: string): Promise<SurveyWave | undefined> {
  return db.selectFrom('survey_waves').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listWaves(db: Kysely<Database>, surveyId: string): Promise<SurveyWave[]> {
  return db
    .selectFrom('survey_waves')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('opens_on')
    .orderBy('kind')
    .execute();
}

export async function updateWave(
  db: Kysely<Database>,
  id: string,
  changes: { opens_on?: string; closes_on?: string; after_meeting_id?: string | null },
): Promise<SurveyWave | undefined> {
  await mapStoreErrors(() => db.updateTable('survey_waves').set(changes).where('id', '=', id).execute(), {
    record: 'survey wave',
  });
  return getWave(db, id);
}

/** Whether any answer (also one retention has hidden) was ever kept for the wave. */
export async function waveHasResponses(db: Kysely<Database>, waveId: string): Promise<boolean> {
  const row = await db
    .selectFrom('survey_responses')
    .select('id')
    .where('wave_id', '=', waveId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteWave(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('survey_waves').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertRespondents(
  db: Kysely<Database>,
  respondents: readonly SurveyRespondent[],
): Promise<void> {
  for (const chunk of chunks(respondents)) {
    await mapStoreErrors(() => db.insertInto('survey_respondents').values(chunk).execute(), {
      record: 'survey respondent',
    });
  }
}

export function getRespondent(db: Kysely<Database>, id: string): Promise<SurveyRespondent | undefined> {
  return db.selectFrom('survey_respondents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRespondents(db: Kysely<Database>, surveyId: string): Promise<SurveyRespondent[]> {
  return db
    .selectFrom('survey_respondents')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('pseudonym')
    .execute();
}

export async function insertLinks(db: Kysely<Database>, links: readonly SurveyLinkRow[]): Promise<void> {
  for (const chunk of chunks(links)) await db.insertInto('survey_links').values(chunk).execute();
}

/** A new link for a respondent and wave replaces the older ones: a forwarded old link stops working. */
export async function revokeLinks(
  db: Kysely<Database>,
  waveId: string,
  respondentIds: readonly string[],
  at: string,
): Promise<void> {
  for (const chunk of chunks(respondentIds)) {
    await db
      .updateTable('survey_links')
      .set({ revoked_at: at })
      .where('wave_id', '=', waveId)
      .where('respondent_id', 'in', chunk)
      .where('revoked_at', 'is', null)
      .execute();
  }
}

export function findLink(db: Kysely<Database>, tokenHash: string): Promise<SurveyLinkRow | undefined> {
  return db.selectFrom('survey_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchLink(db: Kysely<Database>, tokenHash: string, at: string): Promise<void> {
  await db
    .updateTable('survey_links')
    .set({ last_used_at: at })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export function findResponse(
  db: Kysely<Database>,
  waveId: string,
  respondentId: string,
): Promise<SurveyResponseRow | undefined> {
  return db
    .selectFrom('survey_responses')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('respondent_id', '=', respondentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * One answer per respondent per wave: a later one replaces the earlier and counts a revision (an answer
 * retention had hidden is replaced too, and the new one is not hidden).
 */
export async function putResponse(
  db: Kysely<Database>,
  row: Omit<SurveyResponseRow, 'revision' | 'deleted_at'>,
): Promise<{ id: string; replaced: boolean }> {
  const existing = await db
    .selectFrom('survey_responses')
    .select(['id', 'revision'])
    .where('wave_id', '=', row.wave_id)
    .where('respondent_id', '=', row.respondent_id)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('survey_responses')
      .set({
        entered_by: row.entered_by,
        language: row.language,
        ciphertext: row.ciphertext,
        submitted_at: row.submitted_at,
        revision: existing.revision + 1,
        deleted_at: null,
      })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, replaced: true };
  }
  await mapStoreErrors(() => db.insertInto('survey_responses').values(row).execute(), {
    record: 'survey response',
  });
  return { id: row.id, replaced: false };
}

export function listResponses(db: Kysely<Database>, surveyId: string): Promise<SurveyResponseRow[]> {
  return db
    .selectFrom('survey_responses')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('deleted_at', 'is', null)
    .orderBy('respondent_id')
    .orderBy('wave_id')
    .execute();
}

export async function insertExternalEffect(
  db: Kysely<Database>,
  row: ExternalEffect,
): Promise<ExternalEffect> {
  await mapStoreErrors(() => db.insertInto('external_effects').values(row).execute(), {
    record: 'external effect',
  });
  return row;
}

export function listExternalEffects(db: Kysely<Database>, workspaceId: string): Promise<ExternalEffect[]> {
  return db
    .selectFrom('external_effects')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function deleteExternalEffect(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('external_effects')
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** One attendance at a held meeting with the attendee's pseudonymous facts: the input of the evidence. */
export interface AttendanceFact {
  meeting_id: string;
  initiative_id: string;
  conflict_id: string;
  held_on: string;
  ground_rule: string;
  actor_id: string;
  attendance_role: string;
  gender: string | null;
  role: string;
  track: string;
}

export function attendanceFacts(
  db: Kysely<Database>,
  filter: { initiativeIds?: readonly string[]; conflictId?: string },
): Promise<AttendanceFact[]> {
  let query = db
    .selectFrom('attendances')
    .innerJoin('meetings', 'meetings.id', 'attendances.meeting_id')
    .innerJoin('initiatives', 'initiatives.id', 'meetings.initiative_id')
    .innerJoin('actors', 'actors.id', 'attendances.actor_id')
    .select([
      'attendances.meeting_id',
      'meetings.initiative_id',
      'initiatives.conflict_id',
      'meetings.held_on',
      'meetings.ground_rule',
      'attendances.actor_id',
      'attendances.role as attendance_role',
      'actors.gender',
      'actors.role',
      'actors.track',
    ])
    .where('meetings.status', '=', 'held')
    .where('attendances.deleted_at', 'is', null);
  if (filter.initiativeIds) {
    if (filter.initiativeIds.length === 0) return Promise.resolve([]);
    query = query.where('meetings.initiative_id', 'in', [...filter.initiativeIds]);
  }
  if (filter.conflictId) query = query.where('initiatives.conflict_id', '=', filter.conflictId);
  return query
    .orderBy('meetings.held_on')
    .orderBy('attendances.meeting_id')
    .orderBy('attendances.actor_id')
    .execute();
}

/**
 * Each actor's side: their group in the first divide (by position, then name) in which they hold one;
 * actors in no group have none.
 */
export async function sidesOfActors(
  db: Kysely<Database>,
  actorIds: readonly string[],
): Promise<Map<string, string>> {
  const sides = new Map<string, string>();
  if (actorIds.length === 0) return sides;
  for (const chunk of chunks([...new Set(actorIds)])) {
    const rows = await db
      .selectFrom('actors')
      .innerJoin('actor_groups', 'actor_groups.actor_id', 'actors.id')
      .innerJoin('divides', 'divides.id', 'actor_groups.divide_id')
      .innerJoin('groups', 'groups.id', 'actor_groups.group_id')
      .select(['actors.id as actor_id', 'divides.position', 'divides.name as divide_name', 'groups.name'])
      .where('actors.id', 'in', chunk)
      .execute();
    const best = new Map<string, { position: number; divide: string; name: string }>();
    for (const row of rows) {
      const current = best.get(row.actor_id);
      if (
        !current ||
        row.position < current.position ||
        (row.position === current.position && row.divide_name < current.divide)
      ) {
        best.set(row.actor_id, { position: row.position, divide: row.divide_name, name: row.name });
      }
    }
    for (const [actorId, side] of best) sides.set(actorId, side.name);
  }
  return sides;
}
