import type { Kysely } from 'kysely';
import { generateDemoDialogue } from '../../domain/demo/dialogue.js';
import type { Auth } from '../../security/auth.js';
import { appendAudit } from '../../security/audit.js';
import type { VaultKeys } from '../../security/vault.js';
import { newId } from '../../store/ids.js';
import * as repo from '../../store/repositories/dialogues.js';
import { insertJoinLinks } from '../../store/repositories/join-links.js';
import { openLinkRow } from '../dialogues/join-codes.js';
import type { Database } from '../../store/schema.js';

const OPENED = Date.parse('2023-06-20T09:00:00.000Z');
const at = (minute: number) => new Date(OPENED + minute * 60_000).toISOString();

/**
 * Writes the demo dialogue into the demo workspace, inside the demo loader's transaction: a dialogue of
 * the Highlands–Coast initiative held in its Chatham House meeting on water and grazing (so authors are
 * hidden), with participants of all three communities who declared their community, and their votes.
 * Demo participants hold no token: they cannot vote again.
 */
export async function writeDemoDialogue(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth,
  place: {
    workspaceId: string;
    initiativeId: string;
    meetingId: string | null;
    divideId: string;
    groupIdOf: (community: string) => string;
  },
): Promise<string> {
  const demo = generateDemoDialogue();
  const dialogue = await repo.createDialogue(trx, {
    id: newId(),
    initiative_id: place.initiativeId,
    meeting_id: place.meetingId,
    divide_id: place.divideId,
    prompt: demo.prompt,
    strict_moderation: false,
    hide_authors: true,
    seed: 0,
    created_at: at(0),
  });
  const participantIds = demo.participants.map(() => newId());
  await repo.insertParticipants(
    trx,
    demo.participants.map((p, i) => ({
      id: participantIds[i],
      dialogue_id: dialogue.id,
      number: i,
      token_hash: null,
      account_id: null,
      actor_id: null,
      group_id: place.groupIdOf(p.community),
      created_at: at(0),
      language: null,
    })),
  );
  const statementIds = demo.statements.map(() => newId());
  await repo.insertStatements(
    trx,
    demo.statements.map((s, i) => ({
      id: statementIds[i],
      dialogue_id: dialogue.id,
      number: i,
      author_participant_id: s.author === null ? null : participantIds[s.author],
      text: s.text,
      origin: s.origin,
      moderation: 'accepted',
      is_meta: 0,
      created_at: at(0),
      language: null,
    })),
  );
  await repo.upsertVotes(
    trx,
    demo.votes.map((v) => ({
      dialogue_id: dialogue.id,
      participant_id: participantIds[v.participant],
      statement_id: statementIds[v.statement],
      vote: v.vote,
      voted_at: at(v.minute),
      request_id: null,
    })),
  );
  await appendAudit(trx, keys, auth, {
    action: 'dialogue.create',
    recordType: 'dialogue',
    recordId: dialogue.id,
    workspaceId: place.workspaceId,
  });
  // The demo dialogue takes newcomers by its open link, as a dialogue made in the app does.
  const link = openLinkRow(dialogue.id);
  await insertJoinLinks(trx, [link]);
  await appendAudit(trx, keys, auth, {
    action: 'dialogue_join_link.create',
    recordType: 'dialogue_join_link',
    recordId: link.id,
    workspaceId: place.workspaceId,
  });
  return dialogue.id;
}
