import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DialogueJoinLinksTable } from '../tables/join-links.js';

export type JoinLinkRow = DialogueJoinLinksTable;

export async function insertJoinLinks(db: Kysely<Database>, rows: JoinLinkRow[]): Promise<void> {
  if (rows.length) await db.insertInto('dialogue_join_links').values(rows).execute();
}

export function joinLinkByHash(db: Kysely<Database>, hash: string): Promise<JoinLinkRow | undefined> {
  return db.selectFrom('dialogue_join_links').selectAll().where('code_hash', '=', hash).executeTakeFirst();
}

export function joinLinkById(db: Kysely<Database>, id: string): Promise<JoinLinkRow | undefined> {
  return db.selectFrom('dialogue_join_links').selectAll().where('id', '=', id).executeTakeFirst();
}

export function joinLinksOf(db: Kysely<Database>, dialogueId: string): Promise<JoinLinkRow[]> {
  return db
    .selectFrom('dialogue_join_links')
    .selectAll()
    .where('dialogue_id', '=', dialogueId)
    .orderBy('created_at')
    .orderBy('label')
    .orderBy('id')
    .execute();
}

/** The open links in force of these dialogues: dialogue id -> code. */
export async function openCodesOf(db: Kysely<Database>, dialogueIds: string[]): Promise<Map<string, string>> {
  if (!dialogueIds.length) return new Map();
  const rows = await db
    .selectFrom('dialogue_join_links')
    .select(['dialogue_id', 'code'])
    .where('dialogue_id', 'in', dialogueIds)
    .where('kind', '=', 'open')
    .where('revoked_at', 'is', null)
    .execute();
  return new Map(rows.filter((r) => r.code !== null).map((r) => [r.dialogue_id, r.code!]));
}

export async function revokeOpenLinks(db: Kysely<Database>, dialogueId: string, at: string): Promise<void> {
  await db
    .updateTable('dialogue_join_links')
    .set({ revoked_at: at })
    .where('dialogue_id', '=', dialogueId)
    .where('kind', '=', 'open')
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeJoinLink(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .updateTable('dialogue_join_links')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Takes a personal link for a participant; false if somebody took it first. */
export async function claimPersonalLink(
  db: Kysely<Database>,
  id: string,
  participantId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('dialogue_join_links')
    .set({ participant_id: participantId })
    .where('id', '=', id)
    .where('participant_id', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
