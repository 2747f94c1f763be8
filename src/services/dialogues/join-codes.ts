import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dialogue } from '../../domain/dialogue.js';
import { joinPath } from '../../domain/join-links.js';
import { newId, nowIso } from '../../store/ids.js';
import * as links from '../../store/repositories/join-links.js';
import type { Database } from '../../store/schema.js';

/** A join link's code: 128 random bits, URL-safe. */
export function newJoinCode(): { code: string; hash: string } {
  const code = randomBytes(16).toString('base64url');
  return { code, hash: hashJoinCode(code) };
}

export function hashJoinCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/** A new open link row for the dialogue (the caller revokes the one in force first). */
export function openLinkRow(dialogueId: string): links.JoinLinkRow {
  const { code, hash } = newJoinCode();
  return {
    id: newId(),
    dialogue_id: dialogueId,
    kind: 'open',
    code,
    code_hash: hash,
    label: null,
    participant_id: null,
    created_at: nowIso(),
    revoked_at: null,
  };
}

/** The dialogues with their open join link in force as `join_url` (absent without one). */
export async function withJoinUrls(db: Kysely<Database>, dialogues: Dialogue[]): Promise<Dialogue[]> {
  const codes = await links.openCodesOf(
    db,
    dialogues.map((d) => d.id),
  );
  return dialogues.map((d) => {
    const { join_url: _stale, ...rest } = d;
    const code = codes.get(d.id);
    return code ? { ...rest, join_url: joinPath(code) } : rest;
  });
}

export async function withJoinUrl(db: Kysely<Database>, dialogue: Dialogue): Promise<Dialogue> {
  return (await withJoinUrls(db, [dialogue]))[0];
}
