import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Dialogue,
  DialogueStatement,
  dialogueCreateSchema,
  dialoguePatchSchema,
  ModerationState,
  tokenIssueSchema,
} from '../../domain/dialogue.js';
import { TrackTwoError } from '../../domain/errors.js';
import type { AccessGrant, Permission } from '../../security/access.js';
import type { Auth } from '../../security/auth.js';
import { newId, nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/dialogues.js';
import * as joinLinks from '../../store/repositories/join-links.js';
import { openLinkRow, withJoinUrl, withJoinUrls } from './join-codes.js';
import type { Database } from '../../store/schema.js';
import { audit, grants, must, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { ifLive, newParticipantToken } from './live.js';
import type { IssuedToken } from '../../domain/participation.js';

/**
 * Conveners' use cases: create a dialogue (optionally inside a meeting), seed statements, moderate,
 * hand out anonymous participant tokens, open and close. Each checks access on the dialogue's
 * initiative first, writes and audits in one transaction, then updates the live state if loaded.
 */

export async function dialogueOrNotFound(trx: Kysely<Database>, id: string): Promise<Dialogue> {
  return must(await repo.getDialogue(trx, id), 'dialogue');
}

export async function requireDialogueAccess(
  trx: Kysely<Database>,
  auth: Auth | null,
  permission: Permission | readonly Permission[],
  dialogueId: string,
): Promise<{ dialogue: Dialogue; grant: AccessGrant }> {
  const grant = await requireAccess(trx, auth, permission, { dialogueId });
  return { dialogue: await dialogueOrNotFound(trx, dialogueId), grant };
}

/**
 * Who said what is never shown for a dialogue that hides authors, nor for one inside a chatham_house or
 * closed meeting (checked again at read time, in case the meeting's rule was tightened since).
 */
export async function authorsHidden(trx: Kysely<Database>, dialogue: Dialogue): Promise<boolean> {
  if (dialogue.hide_authors) return true;
  if (!dialogue.meeting_id) return false;
  const meeting = await repo.meetingOf(trx, dialogue.meeting_id);
  return meeting !== undefined && meeting.ground_rule !== 'open';
}

/**
 * Whether the meeting a new dialogue is held in hides its authors (any ground rule but open); the meeting,
 * when there is one, must be one of the initiative's.
 */
export async function meetingHidesAuthors(
  trx: Kysely<Database>,
  initiativeId: string,
  meetingId: string | null | undefined,
): Promise<boolean> {
  if (!meetingId) return false;
  const meeting = await repo.meetingOf(trx, meetingId);
  if (!meeting || meeting.initiative_id !== initiativeId) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'meeting_id',
      reason: 'not a meeting of this initiative',
    });
  }
  return meeting.ground_rule !== 'open';
}

export function createDialogue(
  ctx: ServiceContext,
  initiativeId: string,
  input: Omit<
    z.output<typeof dialogueCreateSchema>,
    'join' | 'languages' | 'translation_hold' | 'statements_language'
  > &
    Partial<
      Pick<
        z.output<typeof dialogueCreateSchema>,
        'join' | 'languages' | 'translation_hold' | 'statements_language'
      >
    >,
): Promise<Dialogue> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'dialogues.manage', { initiativeId });
    const hideAuthors =
      (await meetingHidesAuthors(trx, initiativeId, input.meeting_id)) || input.hide_authors;
    if (
      input.statements_language &&
      input.languages?.length &&
      !input.languages.includes(input.statements_language)
    ) {
      throw new TrackTwoError('TT_ERR_TRANSLATION_LANGUAGE', {
        field: 'statements_language',
        reason: "not one of the dialogue's languages",
      });
    }
    if (input.divide_id && !(await repo.divideOfInitiative(trx, input.divide_id, initiativeId))) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'divide_id',
        reason: "not a divide of the initiative's conflict",
      });
    }
    const dialogue = await repo.createDialogue(trx, {
      id: newId(),
      initiative_id: initiativeId,
      meeting_id: input.meeting_id,
      divide_id: input.divide_id,
      prompt: input.prompt,
      strict_moderation: input.strict_moderation,
      hide_authors: hideAuthors,
      seed: input.seed,
      created_at: nowIso(),
      languages: input.languages ?? [],
      translation_hold: input.translation_hold ?? false,
    });
    await audit(trx, ctx.keys, ctx.auth, 'dialogue.create', 'dialogue', dialogue.id, grant.workspaceId);
    if ((input.join ?? 'open') === 'open') {
      const link = openLinkRow(dialogue.id);
      await joinLinks.insertJoinLinks(trx, [link]);
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'dialogue_join_link.create',
        'dialogue_join_link',
        link.id,
        grant.workspaceId,
      );
    }
    if (input.statements.length) {
      await insertSeeded(
        trx,
        dialogue.id,
        input.statements.map((text) => ({
          text,
          is_meta: false,
          language: input.statements_language ?? null,
        })),
      );
    }
    return withJoinUrl(trx, dialogue);
  });
}

async function insertSeeded(
  trx: Kysely<Database>,
  dialogueId: string,
  items: { text: string; is_meta: boolean; language?: string | null }[],
) {
  const first = await repo.nextStatementNumber(trx, dialogueId);
  const at = nowIso();
  const rows: repo.StatementRow[] = items.map((item, i) => ({
    id: newId(),
    dialogue_id: dialogueId,
    number: first + i,
    author_participant_id: null,
    text: item.text,
    origin: 'seeded',
    moderation: 'accepted',
    is_meta: item.is_meta ? 1 : 0,
    created_at: at,
    language: item.language ?? null,
  }));
  await repo.insertStatements(trx, rows);
  return rows;
}

/** Dialogues of an initiative: for those who take part in, translate, or read the results of its dialogues. */
export function listDialogues(ctx: ServiceContext, initiativeId: string): Promise<Dialogue[]> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(
      trx,
      ctx.auth,
      ['dialogues.participate', 'dialogues.results', 'statements.translate'],
      { initiativeId },
    );
    const list = await repo.listDialogues(trx, initiativeId);
    // A translator translates; the join link would let them into the room as a participant.
    if (!grants(grant, 'dialogues.participate') && !grants(grant, 'dialogues.results')) return list;
    return withJoinUrls(trx, list);
  });
}

export function updateDialogue(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof dialoguePatchSchema>,
): Promise<Dialogue> {
  return inTransaction(ctx, async (trx) => {
    const { dialogue: before, grant } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', id);
    const closing = changes.status === 'closed' && before.status !== 'closed';
    const reopening = changes.status === 'open' && before.status !== 'open';
    const dialogue = must(
      await repo.updateDialogue(trx, id, {
        ...changes,
        ...(closing ? { closed_at: nowIso() } : reopening ? { closed_at: null } : {}),
      }),
      'dialogue',
    );
    const action = closing ? 'dialogue.close' : reopening ? 'dialogue.reopen' : 'dialogue.update';
    await audit(trx, ctx.keys, ctx.auth, action, 'dialogue', id, grant.workspaceId);
    return withJoinUrl(trx, dialogue);
  }).then(async (dialogue) => {
    await ifLive(ctx.db, id, (live) => {
      live.dialogue = dialogue;
    });
    return dialogue;
  });
}

/**
 * A statement's language must be one of the dialogue's languages when it has any (TT_ERR_TRANSLATION_LANGUAGE),
 * so that the queue knows what to translate it into.
 */
export function checkStatementLanguage(dialogue: Dialogue, language: string | null | undefined): void {
  if (!language || !dialogue.languages.length || dialogue.languages.includes(language)) return;
  throw new TrackTwoError('TT_ERR_TRANSLATION_LANGUAGE', {
    field: 'language',
    reason: `not one of the dialogue's languages (${dialogue.languages.join(', ')})`,
  });
}

/** Conveners seed statements: accepted at once, with no author. */
export function seedStatements(
  ctx: ServiceContext,
  dialogueId: string,
  items: { text: string; is_meta: boolean; language?: string | null }[],
): Promise<DialogueStatement[]> {
  return inTransaction(ctx, async (trx) => {
    const { grant, dialogue } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    if (dialogue.status === 'closed') throw new TrackTwoError('TT_ERR_DIALOGUE_CLOSED');
    for (const item of items) checkStatementLanguage(dialogue, item.language);
    const rows = await insertSeeded(trx, dialogueId, items);
    for (const row of rows) {
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'dialogue_statement.create',
        'dialogue_statement',
        row.id,
        grant.workspaceId,
      );
    }
    return rows;
  }).then(async (rows) => {
    await ifLive(ctx.db, dialogueId, (live) => {
      for (const r of rows) {
        live.addStatement({
          id: r.id,
          number: r.number,
          text: r.text,
          moderation: r.moderation,
          isMeta: r.is_meta === 1,
          language: r.language,
          origin: r.origin,
          authorId: null,
        });
      }
    });
    return rows.map((r) => statementRecord({ ...r, author_number: null }, true));
  });
}

export function statementRecord(
  row: repo.StatementRow & { author_number: number | null },
  hidden: boolean,
): DialogueStatement {
  return {
    id: row.id,
    dialogue_id: row.dialogue_id,
    number: row.number,
    text: row.text,
    origin: row.origin,
    moderation: row.moderation,
    is_meta: row.is_meta === 1,
    author: hidden ? null : row.author_number,
    created_at: row.created_at,
    language: row.language,
  };
}

/** The moderation queue: every statement with its state; authors only where the ground rule allows. */
export function listModerationQueue(
  ctx: ServiceContext,
  dialogueId: string,
  filter: { moderation?: ModerationState } = {},
): Promise<DialogueStatement[]> {
  return inTransaction(ctx, async (trx) => {
    const { dialogue } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    const hidden = await authorsHidden(trx, dialogue);
    const rows = await repo.listStatements(trx, dialogueId);
    return rows
      .filter((r) => !filter.moderation || r.moderation === filter.moderation)
      .map((r) => statementRecord(r, hidden));
  });
}

export function moderateStatement(
  ctx: ServiceContext,
  dialogueId: string,
  statementId: string,
  moderation: ModerationState,
): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const { grant } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    must((await repo.setModeration(trx, dialogueId, statementId, moderation)) || undefined, 'statement');
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'dialogue_statement.moderate',
      'dialogue_statement',
      statementId,
      grant.workspaceId,
    );
  }).then(() => ifLive(ctx.db, dialogueId, (live) => live.setModeration(statementId, moderation)));
}

/** Checks a declared group lies in the dialogue's divide. */
export async function checkGroup(
  trx: Kysely<Database>,
  dialogue: Dialogue,
  groupId: string | null,
): Promise<void> {
  if (groupId === null) return;
  const groups = dialogue.divide_id ? await repo.groupsOfDivide(trx, dialogue.divide_id) : [];
  if (!groups.some((g) => g.id === groupId)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'group_id',
      reason: dialogue.divide_id
        ? "not a group of the dialogue's divide"
        : 'this dialogue has no divide to declare a group of',
    });
  }
}

export type { IssuedToken };

/**
 * Anonymous participant tokens for a convener to hand out (on paper at a meeting, by message). Each is
 * shown once; only its hash is stored. A token may be linked to an actor, whose group in the dialogue's
 * divide then counts as the participant's declared side unless a group is given.
 */
export function issueParticipantTokens(
  ctx: ServiceContext,
  dialogueId: string,
  input: z.output<typeof tokenIssueSchema>,
): Promise<IssuedToken[]> {
  return inTransaction(ctx, async (trx) => {
    const { dialogue, grant } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    if (dialogue.status === 'closed') throw new TrackTwoError('TT_ERR_DIALOGUE_CLOSED');
    if (input.actor_id && !(await repo.actorOfInitiative(trx, input.actor_id, dialogue.initiative_id))) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'actor_id',
        reason: "not an actor of the initiative's conflict",
      });
    }
    await checkGroup(trx, dialogue, input.group_id);
    let group = input.group_id;
    if (group === null && input.actor_id && dialogue.divide_id) {
      group = await repo.actorGroupIn(trx, input.actor_id, dialogue.divide_id);
    }
    const first = await repo.nextParticipantNumber(trx, dialogueId);
    const at = nowIso();
    const issued = Array.from({ length: input.count }, (_, i) => {
      const { token, hash } = newParticipantToken();
      const row: repo.ParticipantRow = {
        id: newId(),
        dialogue_id: dialogueId,
        number: first + i,
        token_hash: hash,
        account_id: null,
        actor_id: input.actor_id,
        group_id: group,
        created_at: at,
        language: null,
      };
      return { row, token };
    });
    await repo.insertParticipants(
      trx,
      issued.map((t) => t.row),
    );
    await audit(trx, ctx.keys, ctx.auth, 'dialogue.tokens_issue', 'dialogue', dialogueId, grant.workspaceId);
    return issued;
  }).then(async (issued) => {
    await ifLive(ctx.db, dialogueId, (live) => {
      for (const { row } of issued)
        live.addParticipant({ id: row.id, number: row.number, groupId: row.group_id });
    });
    return issued.map(({ row, token }) => ({ participant: row.number, token }));
  });
}
