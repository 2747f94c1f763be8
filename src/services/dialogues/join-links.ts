import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import {
  joinPath,
  type JoinedByLink,
  type JoinInfo,
  type JoinLink,
  type JoinLinkCreate,
} from '../../domain/join-links.js';
import { newId, nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/dialogues.js';
import * as links from '../../store/repositories/join-links.js';
import type { Database } from '../../store/schema.js';
import { audit } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { checkGroup, dialogueOrNotFound, requireDialogueAccess } from './dialogues.js';
import { hashJoinCode, newJoinCode, openLinkRow } from './join-codes.js';
import { ifLive, newParticipantToken } from './live.js';

/**
 * Inviting participants by link. Conveners (dialogues.manage) make the open link of a dialogue (a new one
 * replaces the one in force) or personal links, list and revoke them; every such write is audited, never
 * with the code. Joining by a link needs no account: it makes an anonymous participant and hands back
 * their participant token, which stays on their device. A wrong code is a failed token lookup and counts
 * towards the token-guessing limit (TT_ERR_JOIN_LINK_UNKNOWN).
 */

const CODE = /^[A-Za-z0-9_-]{16,64}$/;

function linkRecord(row: links.JoinLinkRow, code: string | null): JoinLink {
  const shown = row.kind === 'open' ? row.code : code;
  return {
    id: row.id,
    dialogue_id: row.dialogue_id,
    kind: row.kind,
    label: row.label,
    url: shown ? joinPath(shown) : null,
    used: row.participant_id !== null,
    created_at: row.created_at,
    revoked_at: row.revoked_at,
  };
}

export function createJoinLinks(
  ctx: ServiceContext,
  dialogueId: string,
  input: JoinLinkCreate,
): Promise<JoinLink[]> {
  return inTransaction(ctx, async (trx) => {
    const { dialogue, grant } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    if (dialogue.status === 'closed') throw new TrackTwoError('TT_ERR_DIALOGUE_CLOSED');
    const made: { row: links.JoinLinkRow; code: string | null }[] = [];
    if (input.kind === 'open') {
      await links.revokeOpenLinks(trx, dialogueId, nowIso());
      made.push({ row: openLinkRow(dialogueId), code: null });
    } else {
      const labels: (string | null)[] = input.labels ?? Array.from({ length: input.count ?? 1 }, () => null);
      const at = nowIso();
      for (const label of labels) {
        const { code, hash } = newJoinCode();
        made.push({
          code,
          row: {
            id: newId(),
            dialogue_id: dialogueId,
            kind: 'personal',
            code: null,
            code_hash: hash,
            label,
            participant_id: null,
            created_at: at,
            revoked_at: null,
          },
        });
      }
    }
    await links.insertJoinLinks(
      trx,
      made.map((m) => m.row),
    );
    for (const { row } of made) {
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'dialogue_join_link.create',
        'dialogue_join_link',
        row.id,
        grant.workspaceId,
      );
    }
    return made.map(({ row, code }) => linkRecord(row, code));
  });
}

export function listJoinLinks(ctx: ServiceContext, dialogueId: string): Promise<JoinLink[]> {
  return inTransaction(ctx, async (trx) => {
    await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    return (await links.joinLinksOf(trx, dialogueId)).map((row) => linkRecord(row, null));
  });
}

export function revokeJoinLink(ctx: ServiceContext, dialogueId: string, linkId: string): Promise<JoinLink> {
  return inTransaction(ctx, async (trx) => {
    const { grant } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    const row = await links.joinLinkById(trx, linkId);
    if (!row || row.dialogue_id !== dialogueId) throw new TrackTwoError('TT_ERR_NOT_FOUND');
    if (row.revoked_at === null) {
      await links.revokeJoinLink(trx, linkId, nowIso());
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'dialogue_join_link.revoke',
        'dialogue_join_link',
        linkId,
        grant.workspaceId,
      );
    }
    return linkRecord((await links.joinLinkById(trx, linkId))!, null);
  });
}

/** The link in force for this code, or the coded refusal that explains why not. */
function checkCode(code: string): void {
  if (!CODE.test(code)) throw new TrackTwoError('TT_ERR_JOIN_LINK_UNKNOWN');
}

async function linkInForce(db: Kysely<Database>, code: string): Promise<links.JoinLinkRow> {
  checkCode(code);
  const row = await links.joinLinkByHash(db, hashJoinCode(code));
  if (!row) throw new TrackTwoError('TT_ERR_JOIN_LINK_UNKNOWN');
  if (row.revoked_at !== null) throw new TrackTwoError('TT_ERR_JOIN_LINK_REVOKED');
  if (row.participant_id !== null) throw new TrackTwoError('TT_ERR_JOIN_LINK_USED');
  return row;
}

/** What a join link opens (no account needed): the question and the sides one may declare. */
export async function joinInfo(ctx: ServiceContext, code: string): Promise<JoinInfo> {
  checkCode(code);
  return inTransaction(ctx, async (trx) => {
    const link = await linkInForce(trx, code);
    const dialogue = await dialogueOrNotFound(trx, link.dialogue_id);
    let divide: JoinInfo['divide'] = null;
    if (dialogue.divide_id) {
      const found = await trx
        .selectFrom('divides')
        .select(['id', 'name'])
        .where('id', '=', dialogue.divide_id)
        .executeTakeFirst();
      if (found) divide = { ...found, groups: await repo.groupsOfDivide(trx, found.id) };
    }
    return {
      dialogue_id: dialogue.id,
      kind: link.kind,
      prompt: dialogue.prompt,
      status: dialogue.status,
      divide,
    };
  });
}

/**
 * Joins by a link, without an account: a new anonymous participant (with the side declared, if any) and
 * their token. The open link makes a participant at each use; a personal link once.
 */
export async function joinByLink(
  ctx: ServiceContext,
  code: string,
  groupId: string | null,
  language: string | null = null,
): Promise<JoinedByLink> {
  checkCode(code);
  const { token, hash } = newParticipantToken();
  const row = await inTransaction(ctx, async (trx) => {
    const link = await linkInForce(trx, code);
    const dialogue = await dialogueOrNotFound(trx, link.dialogue_id);
    if (dialogue.status === 'closed') throw new TrackTwoError('TT_ERR_DIALOGUE_CLOSED');
    await checkGroup(trx, dialogue, groupId);
    const participant: repo.ParticipantRow = {
      id: newId(),
      dialogue_id: dialogue.id,
      number: await repo.nextParticipantNumber(trx, dialogue.id),
      token_hash: hash,
      account_id: null,
      actor_id: null,
      group_id: groupId,
      created_at: nowIso(),
      language,
    };
    await repo.insertParticipants(trx, [participant]);
    if (link.kind === 'personal' && !(await links.claimPersonalLink(trx, link.id, participant.id))) {
      throw new TrackTwoError('TT_ERR_JOIN_LINK_USED');
    }
    return participant;
  });
  await ifLive(ctx.db, row.dialogue_id, (live) =>
    live.addParticipant({ id: row.id, number: row.number, groupId: row.group_id }),
  );
  return { dialogue_id: row.dialogue_id, participant: row.number, token, group_id: row.group_id };
}
