import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listOf } from '../../domain/list.js';
import { idSchema } from '../../domain/scalars.js';
import {
  languageCodeSchema,
  statementTranslationSchema,
  translationPutSchema,
  translationQueueItemSchema,
  translationQueueQuerySchema,
} from '../../domain/statement-translations.js';
import * as translations from '../../services/dialogues/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

const translationParams = z.strictObject({ id: idSchema, sid: idSchema, lang: languageCodeSchema });

/** Statements translated by people: the queue, and a translation written or removed. */
export function registerTranslationRoutes(app: FastifyInstance): void {
  const tag = 'dialogues';
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/translations',
    summary:
      "The translation queue: each statement beside its translations and the dialogue's languages it lacks",
    tag,
    access: 'statements.translate',
    response: listOf(translationQueueItemSchema),
    params: idParams,
    query: translationQueueQuerySchema,
    handler: async ({ params, query, request }) => ({
      items: await translations.translationQueue(request.services, params.id, query),
    }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/dialogues/:id/statements/:sid/translations/:lang',
    summary: "Write (or correct) a statement's translation into one of the dialogue's other languages",
    tag,
    access: 'statements.translate',
    response: statementTranslationSchema,
    params: translationParams,
    body: translationPutSchema,
    handler: ({ params, body, request }) =>
      translations.putTranslation(request.services, params.id, params.sid, params.lang, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/dialogues/:id/statements/:sid/translations/:lang',
    summary: "Remove a statement's translation into a language",
    tag,
    access: 'statements.translate',
    response: null,
    params: translationParams,
    status: 204,
    handler: ({ params, request }) =>
      translations.removeTranslation(request.services, params.id, params.sid, params.lang),
  });
}
