import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { surveyLanguageSchema } from '../../domain/instruments.js';
import { listOf } from '../../domain/list.js';
import { idSchema } from '../../domain/scalars.js';
import { instrumentTextsSchema, surveyTranslationSchema } from '../../domain/survey-translations.js';
import * as surveys from '../../services/surveys/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

const translationParams = z.strictObject({
  id: idSchema,
  instrumentId: z.string().min(1).max(60),
  language: surveyLanguageSchema,
});

export function registerSurveyTranslationRoutes(app: FastifyInstance): void {
  const tag = 'surveys';
  defineRoute(app, {
    method: 'GET',
    url: '/api/surveys/:id/translations',
    summary:
      "Each instrument in each of the survey's languages: reviewed, approved, draft or missing, beside the English",
    tag,
    access: 'surveys.manage',
    response: listOf(surveyTranslationSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await surveys.listSurveyTranslations(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/surveys/:id/translations/:instrumentId/:language',
    summary: 'Write the translation of an instrument (a draft until a second person approves it)',
    tag,
    access: 'surveys.manage',
    response: surveyTranslationSchema,
    params: translationParams,
    body: z.strictObject({ texts: instrumentTextsSchema }),
    handler: ({ params, body, request }) =>
      surveys.saveSurveyTranslation(
        request.services,
        params.id,
        params.instrumentId,
        params.language,
        body.texts,
      ),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/surveys/:id/translations/:instrumentId/:language/approve',
    summary: "Approve another person's draft: respondents are then asked in it",
    tag,
    access: 'surveys.manage',
    response: surveyTranslationSchema,
    params: translationParams,
    handler: ({ params, request }) =>
      surveys.approveSurveyTranslation(request.services, params.id, params.instrumentId, params.language),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/surveys/:id/translations/:instrumentId/:language',
    summary: "Remove the survey's own translation (the library's, if any, stands again)",
    tag,
    access: 'surveys.manage',
    response: surveyTranslationSchema,
    params: translationParams,
    handler: ({ params, request }) =>
      surveys.removeSurveyTranslation(request.services, params.id, params.instrumentId, params.language),
  });
}
