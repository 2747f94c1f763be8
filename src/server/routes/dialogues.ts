import { PARTICIPANT_TOKEN_HEADER } from '../request-context.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  declareGroupSchema,
  dialogueCreateSchema,
  dialoguePatchSchema,
  dialogueSchema,
  dialogueStatementSchema,
  joinSchema,
  moderationSchema,
  moderationStateSchema,
  participantLanguageSchema,
  polisImportSchema,
  requestIdSchema,
  statementSubmitSchema,
  tokenIssueSchema,
  voteSchema,
} from '../../domain/dialogue.js';
import { TrackTwoError } from '../../domain/errors.js';
import { idSchema } from '../../domain/scalars.js';
import * as participation from '../../services/dialogues/index.js';
import * as polis from '../../services/dialogues/index.js';
import { dialogueResults } from '../../services/dialogues/index.js';
import * as dialogues from '../../services/dialogues/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';
import { dialogueResultsSchema } from '../../domain/dialogue-results.js';
import { listOf } from '../../domain/list.js';
import { viewerLanguageQuerySchema } from '../../domain/statement-translations.js';
import {
  commonGroundItemSchema,
  declaredGroupSchema,
  importedDialogueSchema,
  issuedTokenSchema,
  joinedSchema,
  nextStatementSchema,
  participantStatementSchema,
  polisExportSchema,
  voteReceiptSchema,
} from '../../domain/participation.js';

function participantToken(request: FastifyRequest): string | undefined {
  const value = request.headers[PARTICIPANT_TOKEN_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length < 8 || value.length > 200) {
    throw new TrackTwoError('TT_ERR_DIALOGUE_BAD_TOKEN');
  }
  return value;
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  const parsed = requestIdSchema.safeParse(value);
  if (!parsed.success) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'Idempotency-Key',
      reason: 'letters, digits and _ . : -, 8 to 100',
    });
  }
  return parsed.data;
}

const statementParams = z.strictObject({ id: idSchema, statementId: idSchema });
const moderationQuery = z.strictObject({ moderation: moderationStateSchema.optional() });
const seedBody = z.union([
  statementSubmitSchema,
  z.strictObject({ statements: z.array(statementSubmitSchema).min(1).max(500) }),
]);

export function registerDialogueRoutes(app: FastifyInstance): void {
  const tag = 'dialogues';
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/dialogues',
    summary: "An initiative's dialogues (for participants, translators and those who read results)",
    tag,
    access: 'dialogues.participate|dialogues.results|statements.translate',
    response: listOf(dialogueSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await dialogues.listDialogues(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/initiatives/:id/dialogues',
    summary:
      'Create a dialogue (optionally inside a meeting, whose ground rule then applies) with seed statements',
    tag,
    access: 'dialogues.manage',
    response: dialogueSchema,
    params: idParams,
    body: dialogueCreateSchema,
    status: 201,
    handler: ({ params, body, request }) => dialogues.createDialogue(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/initiatives/:id/dialogues/import',
    summary: 'Create a dialogue from a Pol.is export (the four CSV files as text); all or nothing',
    tag,
    access: 'dialogues.manage',
    response: importedDialogueSchema,
    params: idParams,
    body: polisImportSchema,
    status: 201,
    handler: ({ params, body, request }) => polis.importPolis(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id',
    summary:
      'One dialogue (participants: by account or x-participant-token; translators without its join link)',
    tag,
    access: 'dialogues.participate|dialogues.results|statements.translate',
    tokenGuarded: true,
    response: dialogueSchema,
    params: idParams,
    handler: ({ params, request }) =>
      participation.readDialogue(request.services, params.id, participantToken(request)),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/dialogues/:id',
    summary: 'Change the prompt, strict moderation, or open / close the dialogue',
    tag,
    access: 'dialogues.manage',
    response: dialogueSchema,
    params: idParams,
    body: dialoguePatchSchema,
    handler: ({ params, body, request }) => dialogues.updateDialogue(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/moderation',
    summary:
      'The moderation queue: every statement with its state (authors only where the ground rule allows)',
    tag,
    access: 'dialogues.manage',
    response: listOf(dialogueStatementSchema),
    params: idParams,
    query: moderationQuery,
    handler: async ({ params, query, request }) => ({
      items: await dialogues.listModerationQueue(request.services, params.id, query),
    }),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/dialogues/:id/statements/:statementId',
    summary: 'Accept or reject a statement',
    tag,
    access: 'dialogues.manage',
    response: null,
    params: statementParams,
    body: moderationSchema,
    status: 204,
    handler: ({ params, body, request }) =>
      dialogues.moderateStatement(request.services, params.id, params.statementId, body.moderation),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/dialogues/:id/tokens',
    summary: 'Issue anonymous participant tokens (each shown once), optionally linked to an actor or a group',
    tag,
    access: 'dialogues.manage',
    response: listOf(issuedTokenSchema),
    params: idParams,
    body: tokenIssueSchema,
    status: 201,
    handler: async ({ params, body, request }) => ({
      items: await dialogues.issueParticipantTokens(request.services, params.id, body),
    }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/results',
    summary:
      'Opinion map, groups, representative statements, consensus by group, by declared side and by language (texts in ?language= beside the original)',
    tag,
    access: 'dialogues.results',
    response: dialogueResultsSchema,
    params: idParams,
    query: viewerLanguageQuerySchema,
    handler: ({ params, query, request }) => dialogueResults(request.services, params.id, query.language),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/export',
    summary: 'Pol.is-format export: summary.csv, comments.csv, votes.csv, participants-votes.csv as text',
    tag,
    access: 'dialogues.results',
    response: polisExportSchema,
    params: idParams,
    handler: async ({ params, request }) => {
      const files = await polis.exportPolis(request.services, params.id);
      return {
        'summary.csv': files.summary,
        'comments.csv': files.comments,
        'votes.csv': files.votes,
        'participants-votes.csv': files.participantsVotes,
        'comment-translations.csv': files.commentTranslations,
      };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/dialogues/:id/join',
    summary: 'Join as the signed-in account (and declare a group); returns a fresh participant token',
    tag,
    access: 'dialogues.participate',
    response: joinedSchema,
    params: idParams,
    body: joinSchema,
    status: 201,
    handler: ({ params, body, request }) =>
      participation.joinDialogue(request.services, params.id, body.group_id, body.language),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/dialogues/:id/group',
    summary: "Declare (or clear) one's group in the dialogue's divide",
    tag,
    access: 'dialogues.participate',
    tokenGuarded: true,
    response: declaredGroupSchema,
    params: idParams,
    body: declareGroupSchema,
    handler: ({ params, body, request }) =>
      participation.declareGroup(request.services, params.id, participantToken(request), body.group_id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/dialogues/:id/language',
    summary: 'Say (or clear) the language one reads statements in (counted for participation by language)',
    tag,
    access: 'dialogues.participate',
    tokenGuarded: true,
    response: participantLanguageSchema,
    params: idParams,
    body: participantLanguageSchema,
    handler: ({ params, body, request }) =>
      participation.setParticipantLanguage(
        request.services,
        params.id,
        participantToken(request),
        body.language,
      ),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/statements',
    summary:
      'The statements shown to participants in ?language= (or the original, marked), with the caller’s own votes',
    tag,
    access: 'dialogues.participate',
    tokenGuarded: true,
    response: listOf(participantStatementSchema),
    params: idParams,
    query: viewerLanguageQuerySchema,
    handler: ({ params, query, request }) =>
      participation.participantStatements(
        request.services,
        params.id,
        participantToken(request),
        query.language,
      ),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/dialogues/:id/statements',
    summary: 'Put a statement forward (participants: submitted for moderation; conveners: seeded)',
    tag,
    access: 'dialogues.participate|dialogues.manage',
    tokenGuarded: true,
    response: dialogueStatementSchema
      .or(listOf(dialogueStatementSchema))
      .describe('One statement put forward, or (seeding several) the list of them'),
    params: idParams,
    body: seedBody,
    status: 201,
    handler: ({ params, body, request }) =>
      participation.putStatementsForward(request.services, params.id, participantToken(request), body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/dialogues/:id/votes',
    summary:
      'Vote 1 (agree), -1 (disagree) or 0 (pass); request_id or Idempotency-Key makes a replay change nothing',
    tag,
    access: 'dialogues.participate',
    tokenGuarded: true,
    response: voteReceiptSchema,
    params: idParams,
    body: voteSchema,
    status: 201,
    handler: ({ params, body, request }) =>
      participation.castVote(request.services, params.id, participantToken(request), {
        ...body,
        request_id: body.request_id ?? idempotencyKey(request),
      }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/next',
    summary: 'The next statement to vote on, chosen by routing priority',
    tag,
    access: 'dialogues.participate',
    tokenGuarded: true,
    response: nextStatementSchema,
    params: idParams,
    query: viewerLanguageQuerySchema,
    handler: ({ params, query, request }) =>
      participation.nextStatement(request.services, params.id, participantToken(request), query.language),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/common-ground',
    summary: 'The statements every opinion group supports (participants: once they have voted on all)',
    tag,
    access: 'dialogues.participate|dialogues.results',
    tokenGuarded: true,
    response: listOf(commonGroundItemSchema),
    params: idParams,
    query: viewerLanguageQuerySchema,
    handler: ({ params, query, request }) =>
      participation.commonGround(request.services, params.id, participantToken(request), 5, query.language),
  });
}
