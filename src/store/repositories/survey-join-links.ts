import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { SurveyJoinLinksTable } from '../tables/join-links.js';

export type SurveyJoinLinkRow = SurveyJoinLinksTable;

export async function insertSurveyJoinLink(db: Kysely<Database>, row: SurveyJoinLinkRow): Promise<void> {
  await db.insertInto('survey_join_links').values(row).execute();
}

export function surveyJoinLinkByHash(
  db: Kysely<Database>,
  hash: string,
): Promise<SurveyJoinLinkRow | undefined> {
  return db.selectFrom('survey_join_links').selectAll().where('code_hash', '=', hash).executeTakeFirst();
}

export function surveyJoinLinkById(db: Kysely<Database>, id: string): Promise<SurveyJoinLinkRow | undefined> {
  return db.selectFrom('survey_join_links').selectAll().where('id', '=', id).executeTakeFirst();
}

export function surveyJoinLinksOf(db: Kysely<Database>, surveyId: string): Promise<SurveyJoinLinkRow[]> {
  return db
    .selectFrom('survey_join_links')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function revokeSurveyJoinLinks(
  db: Kysely<Database>,
  surveyId: string,
  at: string,
  id?: string,
): Promise<void> {
  let query = db
    .updateTable('survey_join_links')
    .set({ revoked_at: at })
    .where('survey_id', '=', surveyId)
    .where('revoked_at', 'is', null);
  if (id) query = query.where('id', '=', id);
  await query.execute();
}

export async function countJoined(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('survey_join_links')
    .set({ joined: sql`joined + 1` })
    .where('id', '=', id)
    .execute();
}
