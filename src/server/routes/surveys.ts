import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { surveyLanguageSchema } from '../../domain/instruments.js';
import { idSchema } from '../../domain/scalars.js';
import {
  facilitatorEntrySchema,
  linkIssueSchema,
  surveyAnswersSchema,
  surveyCreateSchema,
  surveyPatchSchema,
  surveyRespondentCreateSchema,
  surveyRespondentSchema,
  surveyWaveCreateSchema,
  surveyWavePatchSchema,
  surveyWaveRecordSchema,
  surveyWaveSchema,
} from '../../domain/survey.js';
import { surveyEffectsOf } from '../../services/evidence/index.js';
import * as surveys from '../../services/surveys/index.js';
import { researchExportCsv, surveyResearchExport } from '../../services/surveys/index.js';
import { importAnswers } from '../../services/surveys/index.js';
import { answerByLink, enterOnBehalf, issueLinks, surveyForm } from '../../services/surveys/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';
import { surveyEffectsSchema } from '../../domain/survey-effects.js';
import { listOf } from '../../domain/list.js';
import {
  answersImportedSchema,
  issuedLinkSchema,
  respondentStatusSchema,
  submittedResponseSchema,
  surveyDetailSchema,
  surveyFormSchema,
  surveyListedSchema,
  surveyResearchExportSchema,
} from '../../domain/survey-results.js';

const waveParams = z.strictObject({ id: idSchema, waveId: idSchema });
const tokenSchema = z.string().trim().min(20).max(200);
const effectsQuery = z.strictObject({
  from: surveyWaveSchema.optional(),
  to: surveyWaveSchema.optional(),
});

export function registerSurveyRoutes(app: FastifyInstance): void {
  const tag = 'surveys';
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/surveys',
    summary: "An initiative's surveys (instruments, out-groups, languages)",
    tag,
    access: 'evidence.read',
    response: listOf(surveyListedSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await surveys.listSurveys(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys',
    summary: 'Create a survey: instruments from the library or custom items, out-groups, languages',
    tag,
    access: 'surveys.manage',
    response: surveyDetailSchema,
    body: surveyCreateSchema,
    status: 201,
    handler: ({ body, request }) => surveys.createSurvey(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/surveys/:id',
    summary: 'One survey with its waves',
    tag,
    access: 'evidence.read',
    response: surveyDetailSchema,
    params: idParams,
    handler: ({ params, request }) => surveys.getSurvey(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/surveys/:id',
    summary: 'Change a survey (instruments and out-groups only until the first answer)',
    tag,
    access: 'surveys.manage',
    response: surveyDetailSchema,
    params: idParams,
    body: surveyPatchSchema,
    handler: ({ params, body, request }) => surveys.updateSurvey(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/surveys/:id',
    summary: 'Delete a survey with its waves, respondents and answers',
    tag,
    access: 'surveys.manage',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => surveys.deleteSurvey(request.services, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/waves',
    summary: 'Add a wave (baseline, post or follow-up) with its dates and the meeting it follows',
    tag,
    access: 'surveys.manage',
    response: surveyWaveRecordSchema,
    params: idParams,
    body: surveyWaveCreateSchema,
    status: 201,
    handler: ({ params, body, request }) => surveys.addWave(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/surveys/:id/waves/:waveId',
    summary: "Change a wave's dates or the meeting it follows",
    tag,
    access: 'surveys.manage',
    response: surveyWaveRecordSchema,
    params: waveParams,
    body: surveyWavePatchSchema,
    handler: ({ params, body, request }) =>
      surveys.updateWave(request.services, params.id, params.waveId, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/surveys/:id/waves/:waveId',
    summary: 'Delete a wave nobody has answered yet (a wave with answers stays)',
    tag,
    access: 'surveys.manage',
    response: null,
    params: waveParams,
    status: 204,
    handler: ({ params, request }) => surveys.deleteWave(request.services, params.id, params.waveId),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/surveys/:id/respondents',
    summary: 'Respondents (pseudonyms) and the waves each has answered; never the answers',
    tag,
    access: 'surveys.manage',
    response: listOf(respondentStatusSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await surveys.listRespondents(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/respondents',
    summary: 'Add respondents: participants by actor, comparison respondents by pseudonym',
    tag,
    access: 'surveys.manage',
    response: listOf(surveyRespondentSchema),
    params: idParams,
    body: z.strictObject({ respondents: z.array(surveyRespondentCreateSchema).min(1).max(5_000) }),
    status: 201,
    handler: async ({ params, body, request }) => ({
      items: await surveys.addRespondents(request.services, params.id, body.respondents),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/waves/:waveId/links',
    summary: 'Issue answer links for a wave (shown once; a new link replaces the old one)',
    tag,
    access: 'surveys.manage',
    response: listOf(issuedLinkSchema),
    params: waveParams,
    body: linkIssueSchema,
    status: 201,
    handler: async ({ params, body, request }) => ({
      items: await issueLinks(request.services, params.id, params.waveId, body.respondent_ids),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/waves/:waveId/form',
    summary: "The form a link opens, with the link holder's own earlier answers (no account needed)",
    tag,
    access: 'public',
    tokenGuarded: true,
    response: surveyFormSchema,
    params: waveParams,
    body: z.strictObject({ token: tokenSchema, language: surveyLanguageSchema.default('en') }),
    handler: ({ params, body, request }) =>
      surveyForm(request.services, params.id, params.waveId, body.token, body.language),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/waves/:waveId/answers',
    summary: 'Answer by link (no account needed); a later answer before the wave closes replaces it',
    tag,
    access: 'public',
    tokenGuarded: true,
    response: submittedResponseSchema,
    params: waveParams,
    body: surveyAnswersSchema.extend({ token: tokenSchema }),
    status: 201,
    handler: ({ params, body, request }) => {
      const { token, ...answers } = body;
      return answerByLink(request.services, params.id, params.waveId, token, answers);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/waves/:waveId/entries',
    summary: "A facilitator enters a respondent's answers on their behalf",
    tag,
    access: 'surveys.manage',
    response: submittedResponseSchema,
    params: waveParams,
    body: facilitatorEntrySchema,
    status: 201,
    handler: ({ params, body, request }) => enterOnBehalf(request.services, params.id, params.waveId, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/waves/:waveId/import',
    summary: "Import a wave's answers from CSV (all or nothing; errors name the row and column)",
    tag,
    access: 'surveys.manage',
    response: answersImportedSchema,
    params: waveParams,
    body: z.strictObject({ csv: z.string().min(1) }),
    handler: ({ params, body, request }) =>
      importAnswers(request.services, params.id, params.waveId, body.csv),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/surveys/:id/effects',
    summary: 'Effects per instrument between two waves: overall, by side, gender, role, ground rule and dose',
    tag,
    access: 'evidence.read',
    response: surveyEffectsSchema,
    params: idParams,
    query: effectsQuery,
    handler: ({ params, query, request }) => surveyEffectsOf(request.services, params.id, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/surveys/:id/export/research',
    summary: 'Anonymised research export: aggregate cells, none smaller than k = 5 (JSON or CSV)',
    tag,
    access: 'export.research',
    response: surveyResearchExportSchema.or(
      z.string().describe('format=csv: the same cells as CSV text (text/csv)'),
    ),
    params: idParams,
    query: z.strictObject({
      format: z.enum(['json', 'csv']).default('json'),
      k: z.coerce.number().int().min(5).max(100).optional(),
    }),
    handler: async ({ params, query, request, reply }) => {
      const data = await surveyResearchExport(request.services, params.id, { k: query.k });
      if (query.format === 'json') return data;
      reply.type('text/csv; charset=utf-8');
      return researchExportCsv(data);
    },
  });
}
