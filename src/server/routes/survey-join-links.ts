import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listOf } from '../../domain/list.js';
import { idSchema } from '../../domain/scalars.js';
import {
  surveyJoinedSchema,
  surveyJoinInfoSchema,
  surveyJoinLinkSchema,
  surveyJoinSchema,
} from '../../domain/survey-join-links.js';
import * as surveys from '../../services/surveys/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

/** Any string: a malformed code is answered TT_ERR_JOIN_LINK_UNKNOWN, and so counts as a wrong guess. */
const codeParams = z.strictObject({ code: z.string().min(1).max(200) });
const linkParams = z.strictObject({ id: idSchema, linkId: idSchema });

export function registerSurveyJoinLinkRoutes(app: FastifyInstance): void {
  const tag = 'surveys';
  defineRoute(app, {
    method: 'GET',
    url: '/api/surveys/:id/join-links',
    summary: "A survey's open join links, the one in force and those revoked, with their addresses",
    tag,
    access: 'surveys.manage',
    response: listOf(surveyJoinLinkSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await surveys.listSurveyJoinLinks(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/join-links',
    summary: 'Make the open join link of a survey (replacing the one in force)',
    tag,
    access: 'surveys.manage',
    response: surveyJoinLinkSchema,
    params: idParams,
    status: 201,
    handler: ({ params, request }) => surveys.createSurveyJoinLink(request.services, params.id),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/surveys/:id/join-links/:linkId',
    summary: 'Revoke a survey join link: it is then refused with TT_ERR_JOIN_LINK_REVOKED',
    tag,
    access: 'surveys.manage',
    response: surveyJoinLinkSchema,
    params: linkParams,
    handler: ({ params, request }) =>
      surveys.revokeSurveyJoinLink(request.services, params.id, params.linkId),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/survey-join/:code',
    summary: "What a survey join link opens (no account needed): the survey's title, today's wave, its sides",
    tag,
    access: 'public',
    tokenGuarded: true,
    response: surveyJoinInfoSchema,
    params: codeParams,
    handler: ({ params, request }) => surveys.surveyJoinInfo(request.services, params.code),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/survey-join/:code',
    summary:
      "Join a survey by its link without an account: a respondent and an answer link for today's wave (kept on the device)",
    tag,
    access: 'public',
    tokenGuarded: true,
    response: surveyJoinedSchema,
    params: codeParams,
    body: surveyJoinSchema,
    status: 201,
    handler: ({ params, body, request }) => surveys.joinSurvey(request.services, params.code, body),
  });
}
