import type { ModerationState, PolisImportInput } from '../../domain/dialogue.js';
import {
  formatPolisExport,
  parsePolisExport,
  type PolisComment,
  type PolisExport,
  type PolisExportTexts,
  type PolisParticipant,
  type PolisVote,
  type PolisVoteValue,
} from '../../interchange/polis-export.js';
import { requireAccess } from '../../security/access.js';
import { newId, nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/dialogues.js';
import { audit } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { forgetLive, liveDialogue } from './live.js';
import { authorsHidden, meetingHidesAuthors, requireDialogueAccess } from './dialogues.js';
import type { ImportedDialogue } from '../../domain/participation.js';

/**
 * Pol.is-format export and import (summary.csv, comments.csv, votes.csv, participants-votes.csv).
 * Participants and statements carry their numbers in the dialogue (Pol.is' participant and comment ids),
 * never an account, an actor or a token. Where authors are hidden, author-id is left empty and nobody is
 * counted as having written anything.
 */

const COMMENT_COLUMNS = [
  'timestamp',
  'datetime',
  'comment-id',
  'author-id',
  'agrees',
  'disagrees',
  'moderated',
  'is-meta',
  'is-seed',
  'comment-body',
];
const PARTICIPANT_COLUMNS = ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree'];

const toPolisModeration = (m: ModerationState): PolisVoteValue =>
  m === 'accepted' ? 1 : m === 'rejected' ? -1 : 0;
const fromPolisModeration = (m: PolisVoteValue): ModerationState =>
  m === 1 ? 'accepted' : m === -1 ? 'rejected' : 'unmoderated';

export type PolisFiles = Required<PolisExportTexts>;

export async function exportPolis(ctx: ServiceContext, dialogueId: string): Promise<PolisFiles> {
  const { dialogue, hidden, statements, participants, votes } = await inTransaction(ctx, async (trx) => {
    const { dialogue } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.results', dialogueId);
    return {
      dialogue,
      hidden: await authorsHidden(trx, dialogue),
      statements: await repo.listStatements(trx, dialogueId),
      participants: await repo.listParticipants(trx, dialogueId),
      votes: await repo.listVotes(trx, dialogueId),
    };
  });
  const live = await liveDialogue(ctx.db, dialogueId);
  const analysis = await live.analyse();
  const groupOf = new Map(live.state.participantIds.map((id, r) => [id, analysis.groups.groupOf[r] ?? -1]));
  const numberOfParticipant = new Map(participants.map((p) => [p.id, p.number]));
  const statementNumber = new Map(statements.map((s) => [s.id, s.number]));

  const polisVotes: PolisVote[] = votes
    .map((v) => ({
      timestamp: Date.parse(v.voted_at),
      datetime: v.voted_at,
      commentId: String(statementNumber.get(v.statement_id)),
      voterId: String(numberOfParticipant.get(v.participant_id)),
      vote: v.vote as PolisVoteValue,
      order: [numberOfParticipant.get(v.participant_id)!, statementNumber.get(v.statement_id)!],
    }))
    .sort((a, b) => a.timestamp - b.timestamp || a.order[0] - b.order[0] || a.order[1] - b.order[1])
    .map(({ order: _order, ...v }) => v);

  const counts = new Map<string, { agree: number; disagree: number }>();
  const byParticipant = new Map<string, Map<string, PolisVoteValue>>();
  for (const v of polisVotes) {
    const c = counts.get(v.commentId) ?? { agree: 0, disagree: 0 };
    if (v.vote === 1) c.agree++;
    if (v.vote === -1) c.disagree++;
    counts.set(v.commentId, c);
    const mine = byParticipant.get(v.voterId) ?? new Map<string, PolisVoteValue>();
    mine.set(v.commentId, v.vote);
    byParticipant.set(v.voterId, mine);
  }
  const authored = new Map<string, number>();
  const comments: PolisComment[] = statements.map((s) => {
    const id = String(s.number);
    const author = hidden || s.author_number === null ? '' : String(s.author_number);
    if (author) authored.set(author, (authored.get(author) ?? 0) + 1);
    return {
      id,
      timestamp: Date.parse(s.created_at),
      datetime: s.created_at,
      authorId: author,
      agrees: counts.get(id)?.agree ?? 0,
      disagrees: counts.get(id)?.disagree ?? 0,
      moderated: toPolisModeration(s.moderation),
      isMeta: s.is_meta === 1,
      isSeed: s.origin === 'seeded',
      body: s.text,
    };
  });
  const polisParticipants: PolisParticipant[] = participants
    .filter((p) => byParticipant.has(String(p.number)))
    .map((p) => {
      const id = String(p.number);
      const mine = byParticipant.get(id)!;
      const g = groupOf.get(p.id) ?? -1;
      return {
        id,
        groupId: g >= 0 ? String(g) : null,
        commentCount: authored.get(id) ?? 0,
        voteCount: mine.size,
        agreeCount: [...mine.values()].filter((v) => v === 1).length,
        disagreeCount: [...mine.values()].filter((v) => v === -1).length,
        votes: mine,
      };
    });
  const data: PolisExport = {
    summary: [
      ['topic', dialogue.prompt],
      ['url', ''],
      ['voters', String(polisParticipants.length)],
      ['voters-in-conv', String(polisParticipants.length)],
      ['commenters', String(authored.size)],
      ['comments', String(comments.length)],
      ['groups', String(analysis.groups.groupCount)],
      ['conversation-description', ''],
    ],
    comments,
    votes: polisVotes,
    participants: polisParticipants,
    participantVoteColumns: comments.map((c) => c.id),
    layout: { commentColumns: COMMENT_COLUMNS, participantColumns: PARTICIPANT_COLUMNS },
  };
  return formatPolisExport(data);
}

/** Pol.is ids as our numbers: kept when they are distinct whole numbers, else numbered in order. */
function numbering(ids: string[]): Map<string, number> {
  const numeric = ids.every((id) => /^\d{1,9}$/.test(id));
  return new Map(ids.map((id, i) => [id, numeric ? Number(id) : i]));
}

export interface ImportOptions {
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export type { ImportedDialogue };

/**
 * Creates a dialogue from a Pol.is export, all or nothing. votes.csv is replayed in time order: a later
 * vote replaces an earlier one. Imported participants hold no token (they cannot vote again).
 */
export async function importPolis(
  ctx: ServiceContext,
  initiativeId: string,
  input: PolisImportInput,
  options: ImportOptions = {},
): Promise<ImportedDialogue> {
  const data = parsePolisExport({
    comments: input.comments,
    votes: input.votes,
    participantsVotes: input.participants_votes,
    summary: input.summary,
  });
  const topic = data.summary.find(([key]) => key === 'topic')?.[1]?.trim();
  const prompt = input.prompt ?? (topic || 'Imported Pol.is conversation');
  const participantIds: string[] = [];
  const seenParticipant = new Set<string>();
  const addParticipant = (id: string) => {
    if (id !== '' && !seenParticipant.has(id)) {
      seenParticipant.add(id);
      participantIds.push(id);
    }
  };
  data.participants.forEach((p) => addParticipant(p.id));
  const ordered = data.votes
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v.timestamp - b.v.timestamp || a.i - b.i);
  ordered.forEach(({ v }) => addParticipant(v.voterId));
  data.comments.forEach((c) => addParticipant(c.authorId));
  const participantNumber = numbering(participantIds);
  const statementNumber = numbering(data.comments.map((c) => c.id));

  const result = await inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'dialogues.manage', { initiativeId });
    const hide = await meetingHidesAuthors(trx, initiativeId, input.meeting_id);
    const at = nowIso();
    const dialogue = await repo.createDialogue(trx, {
      id: newId(),
      initiative_id: initiativeId,
      meeting_id: input.meeting_id ?? null,
      divide_id: null,
      prompt,
      strict_moderation: false,
      hide_authors: hide,
      seed: options.seed ?? 0,
      created_at: at,
    });
    const participantId = new Map(participantIds.map((id) => [id, newId()]));
    await repo.insertParticipants(
      trx,
      participantIds.map((id) => ({
        id: participantId.get(id)!,
        dialogue_id: dialogue.id,
        number: participantNumber.get(id)!,
        token_hash: null,
        account_id: null,
        actor_id: null,
        group_id: null,
        created_at: at,
      })),
    );
    const statementId = new Map(data.comments.map((c) => [c.id, newId()]));
    await repo.insertStatements(
      trx,
      data.comments.map((c) => ({
        id: statementId.get(c.id)!,
        dialogue_id: dialogue.id,
        number: statementNumber.get(c.id)!,
        author_participant_id: hide || c.authorId === '' ? null : participantId.get(c.authorId)!,
        text: c.body,
        origin: c.isSeed ? 'seeded' : 'submitted',
        moderation: fromPolisModeration(c.moderated),
        is_meta: c.isMeta ? 1 : 0,
        created_at:
          Number.isFinite(c.timestamp) && c.timestamp > 0 ? new Date(c.timestamp).toISOString() : at,
      })),
    );
    const latest = new Map<string, repo.VoteRow>();
    for (const { v } of ordered) {
      const row: repo.VoteRow = {
        dialogue_id: dialogue.id,
        participant_id: participantId.get(v.voterId)!,
        statement_id: statementId.get(v.commentId)!,
        vote: v.vote,
        voted_at: new Date(v.timestamp).toISOString(),
        request_id: null,
      };
      const key = `${row.participant_id} ${row.statement_id}`;
      latest.delete(key);
      latest.set(key, row);
    }
    const rows = [...latest.values()];
    const step = 5_000;
    for (let i = 0; i < rows.length; i += step) {
      await repo.upsertVotes(trx, rows.slice(i, i + step));
      options.onProgress?.(Math.min(rows.length, i + step), rows.length);
    }
    await audit(trx, ctx.keys, ctx.auth, 'dialogue.import', 'dialogue', dialogue.id, grant.workspaceId);
    return {
      dialogue,
      statements: data.comments.length,
      participants: participantIds.length,
      votes: rows.length,
    };
  });
  forgetLive(ctx.db, result.dialogue.id);
  return result;
}
