import type { Dialogue, DialogueStatement, VoteInput } from '../../domain/dialogue.js';
import { TrackTwoError } from '../../domain/errors.js';
import { seededPrng } from '../../deliberation/prng.js';
import type { Auth } from '../../security/auth.js';
import { newId, nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/dialogues.js';
import { audit, grants, requireAccess } from '../common.js';
import { withJoinUrl } from './join-codes.js';
import { inTransaction, type ServiceContext } from '../context.js';
import {
  enqueueVote,
  forgetToken,
  ifLive,
  liveDialogue,
  newParticipantToken,
  participantOfToken,
  type LiveDialogue,
  type LiveParticipant,
} from './live.js';
import {
  authorsHidden,
  checkGroup,
  requireDialogueAccess,
  seedStatements,
  statementRecord,
} from './dialogues.js';
import type { ParticipantStatement } from '../../domain/participation.js';
import type { VoteReceipt } from '../../domain/participation.js';
import type { CommonGroundItem } from '../../domain/participation.js';

/**
 * Participants' use cases. A participant is named either by the secret token of the dialogue (anonymous,
 * or linked to an actor; header `x-participant-token`) or by their signed-in account with the
 * `dialogues.participate` permission, who joins on first use. Nobody reads another participant's votes:
 * every answer here is about the caller's own votes or about counts over everybody.
 */

export interface Participation {
  live: LiveDialogue;
  participant: LiveParticipant;
  /** The account acting (null for a token holder: anonymous participants leave no audit rows). */
  auth: Auth | null;
  workspaceId: string | null;
}

async function byToken(ctx: ServiceContext, dialogueId: string, token: string): Promise<Participation> {
  const holder = await participantOfToken(ctx.db, token);
  if (!holder || holder.dialogueId !== dialogueId) throw new TrackTwoError('TT_ERR_DIALOGUE_BAD_TOKEN');
  const live = await liveDialogue(ctx.db, dialogueId);
  let participant = live.participants.get(holder.participantId);
  if (!participant) {
    // Issued by another path after the live state loaded: take it from the database.
    const rows = await repo.listParticipants(ctx.db, dialogueId);
    const row = rows.find((r) => r.id === holder.participantId);
    if (!row) throw new TrackTwoError('TT_ERR_DIALOGUE_BAD_TOKEN');
    live.addParticipant({ id: row.id, number: row.number, groupId: row.group_id });
    participant = live.participants.get(row.id)!;
  }
  return { live, participant, auth: null, workspaceId: null };
}

/** The signed-in account's participant in the dialogue, created on first use. */
async function byAccount(ctx: ServiceContext, dialogueId: string): Promise<Participation> {
  const found = await inTransaction(ctx, async (trx) => {
    const { grant } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.participate', dialogueId);
    const accountId = ctx.auth?.accountId;
    if (!accountId)
      throw new TrackTwoError('TT_ERR_FORBIDDEN', { reason: 'the system does not take part in dialogues' });
    let row = await repo.participantByAccount(trx, dialogueId, accountId);
    if (!row) {
      row = {
        id: newId(),
        dialogue_id: dialogueId,
        number: await repo.nextParticipantNumber(trx, dialogueId),
        token_hash: null,
        account_id: accountId,
        actor_id: null,
        group_id: null,
        created_at: nowIso(),
      };
      await repo.insertParticipants(trx, [row]);
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'dialogue_participant.join',
        'dialogue_participant',
        row.id,
        grant.workspaceId,
      );
    }
    return { row, workspaceId: grant.workspaceId };
  });
  const live = await liveDialogue(ctx.db, dialogueId);
  const { row } = found;
  live.addParticipant({
    id: row.id,
    number: row.number,
    groupId: live.participants.get(row.id)?.groupId ?? row.group_id,
  });
  return {
    live,
    participant: live.participants.get(row.id)!,
    auth: ctx.auth,
    workspaceId: found.workspaceId,
  };
}

export function participation(
  ctx: ServiceContext,
  dialogueId: string,
  token?: string,
): Promise<Participation> {
  return token ? byToken(ctx, dialogueId, token) : byAccount(ctx, dialogueId);
}

/** The dialogue itself: for its participants (token or account) and for those who read its results. */
export async function readDialogue(
  ctx: ServiceContext,
  dialogueId: string,
  token?: string,
): Promise<Dialogue> {
  if (token) return withJoinUrl(ctx.db, (await byToken(ctx, dialogueId, token)).live.dialogue);
  return inTransaction(ctx, async (trx) =>
    withJoinUrl(
      trx,
      (await requireDialogueAccess(trx, ctx.auth, ['dialogues.participate', 'dialogues.results'], dialogueId))
        .dialogue,
    ),
  );
}

/**
 * An account joins (or rejoins) and receives a fresh participant token for scripts and other devices;
 * rejoining rotates the token, so a leaked one stops working.
 */
export async function joinDialogue(
  ctx: ServiceContext,
  dialogueId: string,
  groupId: string | null,
): Promise<{ participant: number; token: string }> {
  const p = await byAccount(ctx, dialogueId);
  if (p.live.dialogue.status === 'closed') throw new TrackTwoError('TT_ERR_DIALOGUE_CLOSED');
  const { token, hash } = newParticipantToken();
  const before = await inTransaction(ctx, async (trx) => {
    const { dialogue, grant } = await requireDialogueAccess(
      trx,
      ctx.auth,
      'dialogues.participate',
      dialogueId,
    );
    await checkGroup(trx, dialogue, groupId);
    const row = await repo.participantByAccount(trx, dialogueId, ctx.auth!.accountId!);
    await repo.setParticipantToken(trx, p.participant.id, hash);
    if (groupId !== null) await repo.setParticipantGroup(trx, p.participant.id, groupId);
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'dialogue_participant.token',
      'dialogue_participant',
      p.participant.id,
      grant.workspaceId,
    );
    return row?.token_hash ?? null;
  });
  forgetToken(ctx.db, before);
  if (groupId !== null) p.live.setGroup(p.participant.id, groupId);
  return { participant: p.participant.number, token };
}

/** Declares (or clears) the participant's group in the dialogue's divide: their side. */
export async function declareGroup(
  ctx: ServiceContext,
  dialogueId: string,
  token: string | undefined,
  groupId: string | null,
): Promise<{ group_id: string | null }> {
  const p = await participation(ctx, dialogueId, token);
  await inTransaction(ctx, async (trx) => {
    await checkGroup(trx, p.live.dialogue, groupId);
    await repo.setParticipantGroup(trx, p.participant.id, groupId);
    if (p.auth)
      await audit(
        trx,
        ctx.keys,
        p.auth,
        'dialogue_participant.group',
        'dialogue_participant',
        p.participant.id,
        p.workspaceId,
      );
  });
  p.live.setGroup(p.participant.id, groupId);
  return { group_id: groupId };
}

export type StatementsPut = { text: string } | { statements: { text: string }[] };

/**
 * Statements put forward: the one use case that decides between seeding and submitting. A batch
 * (`statements`) is seeded, by those who manage the dialogue. One statement by a participant (token, or
 * an account without `dialogues.manage`): `submitted`, waiting for moderation (shown at once unless
 * moderation is strict); by a convener without a participant token: `seeded` and accepted.
 */
export async function putStatementsForward(
  ctx: ServiceContext,
  dialogueId: string,
  token: string | undefined,
  body: StatementsPut,
): Promise<DialogueStatement | { items: DialogueStatement[] }> {
  let manages = false;
  if (!token) {
    const grant = await inTransaction(ctx, (trx) =>
      requireAccess(trx, ctx.auth, ['dialogues.participate', 'dialogues.manage'], { dialogueId }),
    );
    manages = grants(grant, 'dialogues.manage');
  }
  if ('statements' in body) {
    const items = body.statements.map((s) => ({ text: s.text, is_meta: false }));
    return { items: await seedStatements(ctx, dialogueId, items) };
  }
  if (manages) return (await seedStatements(ctx, dialogueId, [{ text: body.text, is_meta: false }]))[0];
  return submitStatement(ctx, dialogueId, token, body.text);
}

async function submitStatement(
  ctx: ServiceContext,
  dialogueId: string,
  token: string | undefined,
  text: string,
): Promise<DialogueStatement> {
  const p = await participation(ctx, dialogueId, token);
  if (p.live.dialogue.status === 'closed') throw new TrackTwoError('TT_ERR_DIALOGUE_CLOSED');
  const row = await inTransaction(ctx, async (trx) => {
    const row: repo.StatementRow = {
      id: newId(),
      dialogue_id: dialogueId,
      number: await repo.nextStatementNumber(trx, dialogueId),
      author_participant_id: p.participant.id,
      text,
      origin: 'submitted',
      moderation: 'unmoderated',
      is_meta: 0,
      created_at: nowIso(),
    };
    await repo.insertStatements(trx, [row]);
    if (p.auth)
      await audit(
        trx,
        ctx.keys,
        p.auth,
        'dialogue_statement.submit',
        'dialogue_statement',
        row.id,
        p.workspaceId,
      );
    return row;
  });
  await ifLive(ctx.db, dialogueId, (live) =>
    live.addStatement({
      id: row.id,
      number: row.number,
      text: row.text,
      moderation: row.moderation,
      isMeta: false,
    }),
  );
  // The author is the caller: telling them their own authorship reveals nothing.
  return statementRecord({ ...row, author_number: p.participant.number }, false);
}

export type { ParticipantStatement };

/** The statements a participant may vote on, with their own votes. */
export async function participantStatements(
  ctx: ServiceContext,
  dialogueId: string,
  token?: string,
): Promise<{ items: ParticipantStatement[] }> {
  const { live, participant } = await participation(ctx, dialogueId, token);
  const mine = live.votedBy.get(participant.id)!;
  const items = [...live.statements.values()]
    .filter((s) => live.visible(s))
    .sort((a, b) => a.number - b.number)
    .map((s) => ({ id: s.id, number: s.number, text: s.text, my_vote: mine.get(s.id) ?? null }));
  return { items };
}

export type { VoteReceipt };

/**
 * One vote, its value already voteSchema's. Checked in memory (token, dialogue open, statement shown to
 * participants), then written by the group-commit queue; the reply waits for the commit. A later vote on
 * the same statement replaces the earlier; a request id used before is refused and changes nothing.
 */
export async function castVote(
  ctx: ServiceContext,
  dialogueId: string,
  token: string | undefined,
  input: VoteInput,
): Promise<VoteReceipt> {
  const vote = input.vote;
  const { live, participant } = await participation(ctx, dialogueId, token);
  if (live.dialogue.status === 'closed') throw new TrackTwoError('TT_ERR_DIALOGUE_CLOSED');
  const statement = live.statements.get(input.statement_id);
  if (!statement || !live.visible(statement)) {
    throw new TrackTwoError('TT_ERR_DIALOGUE_UNKNOWN_STATEMENT', { field: 'statement_id' });
  }
  // Without an idempotency key the vote cannot be told from a replay; it is still one vote per statement.
  const requestId = input.request_id ?? `auto:${newId()}`;
  await enqueueVote(ctx.db, {
    live,
    participantId: participant.id,
    statementId: statement.id,
    vote,
    requestId,
    votedAt: nowIso(),
  });
  return { statement_id: statement.id, vote, request_id: requestId };
}

export type { VoteInput };

/**
 * The next statement for this participant: among the statements shown that they have not voted on,
 * drawn with probability proportional to Pol.is' routing priority (seeded by the dialogue's seed, the
 * participant and how far they are, so the same state gives the same choice).
 */
export async function nextStatement(
  ctx: ServiceContext,
  dialogueId: string,
  token?: string,
): Promise<{ statement: { id: string; number: number; text: string } | null; remaining: number }> {
  const { live, participant } = await participation(ctx, dialogueId, token);
  const mine = live.votedBy.get(participant.id)!;
  const open = [...live.statements.values()]
    .filter((s) => live.visible(s) && !mine.has(s.id))
    .sort((a, b) => a.number - b.number);
  if (!open.length || live.dialogue.status === 'closed') return { statement: null, remaining: 0 };
  live.maybeRecompute();
  const priority = live.results().priority;
  const index = new Map(live.state.statementIds.map((id, i) => [id, i]));
  const weights = open.map((s) => Math.max(priority[index.get(s.id)!] ?? 0, 1e-12));
  const total = weights.reduce((a, b) => a + b, 0);
  const prng = seededPrng((live.dialogue.seed * 7919 + participant.number * 104_729 + mine.size) >>> 0);
  let pick = prng.next() * total;
  let chosen = open[open.length - 1];
  for (let i = 0; i < open.length; i++) {
    pick -= weights[i];
    if (pick < 0) {
      chosen = open[i];
      break;
    }
  }
  return { statement: { id: chosen.id, number: chosen.number, text: chosen.text }, remaining: open.length };
}

export type { CommonGroundItem };

/**
 * The statements every opinion group supports most (highest group-informed consensus), among those every
 * group has voted on enough (MINIMUM_VOTES_PER_GROUP). Participants see
 * it at the end (nothing left to vote on, or the dialogue closed); conveners and researchers any time.
 */
export async function commonGround(
  ctx: ServiceContext,
  dialogueId: string,
  token?: string,
  limit = 5,
): Promise<{ items: CommonGroundItem[] }> {
  let live: LiveDialogue;
  let readsResults = false;
  if (!token) {
    const grant = await inTransaction(ctx, (trx) =>
      requireAccess(trx, ctx.auth, ['dialogues.participate', 'dialogues.results'], { dialogueId }),
    );
    readsResults = grants(grant, 'dialogues.results');
  }
  if (readsResults) live = await liveDialogue(ctx.db, dialogueId);
  else {
    const p = await participation(ctx, dialogueId, token);
    live = p.live;
    const mine = live.votedBy.get(p.participant.id)!;
    const left = [...live.statements.values()].some((s) => live.visible(s) && !mine.has(s.id));
    if (left && live.dialogue.status !== 'closed') throw new TrackTwoError('TT_ERR_DIALOGUE_NOT_FINISHED');
  }
  await live.analyse();
  const results = live.results(true);
  const { agree, disagree, pass } = tallies(live);
  const items = live.state.statementIds
    .map((id, s) => ({ id, s, seen: agree[s] + disagree[s] + pass[s] }))
    // The minimum-votes rule: a statement some group has hardly voted on is not common ground.
    .filter(({ id, s, seen }) => seen > 0 && results.enoughVotes[s] && live.visible(live.statements.get(id)!))
    .map(({ id, s, seen }) => ({
      statement_id: id,
      text: live.statements.get(id)!.text,
      agree_share: agree[s] / seen,
      group_informed_consensus: results.groupInformedConsensus[s],
    }))
    .sort((a, b) => b.group_informed_consensus - a.group_informed_consensus || b.agree_share - a.agree_share)
    .slice(0, limit);
  return { items };
}

/** Per-statement counts over everybody (from each participant's latest vote). */
export function tallies(live: LiveDialogue) {
  const m = live.state.statementIds.length;
  const index = new Map(live.state.statementIds.map((id, i) => [id, i]));
  const agree = new Int32Array(m);
  const disagree = new Int32Array(m);
  const pass = new Int32Array(m);
  for (const votes of live.votedBy.values()) {
    for (const [id, v] of votes) {
      const s = index.get(id)!;
      if (v > 0) agree[s]++;
      else if (v < 0) disagree[s]++;
      else pass[s]++;
    }
  }
  return { agree, disagree, pass };
}

export { authorsHidden };
