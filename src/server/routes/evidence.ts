import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../domain/scalars.js';
import { externalEffectCreateSchema, externalEffectSchema, surveyWaveSchema } from '../../domain/survey.js';
import * as evidence from '../../services/evidence/index.js';
import { conflictInclusion, initiativeInclusion } from '../../services/evidence/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';
import { evidenceMetaSchema, evidenceStudiesSchema } from '../../domain/evidence-meta.js';
import { inclusionReportSchema } from '../../domain/inclusion-report.js';
import { listOf } from '../../domain/list.js';
import { surveyEffectsSchema } from '../../domain/survey-effects.js';

const wavesQuery = { from: surveyWaveSchema.optional(), to: surveyWaveSchema.optional() };
const metaQuery = z.strictObject({
  ...wavesQuery,
  instrument: z.string().min(1).max(60).optional(),
  method: z.enum(['fe', 'dl', 'reml']).optional(),
  external: z.enum(['true', 'false']).optional(),
});
const periodQuery = z.strictObject({ period: z.enum(['all', 'year', 'quarter', 'month']).default('year') });

function metaOptions(query: z.output<typeof metaQuery>): evidence.MetaOptions {
  return { ...query, external: query.external === undefined ? undefined : query.external === 'true' };
}

export function registerEvidenceRoutes(app: FastifyInstance): void {
  const tag = 'evidence';
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/evidence/effects',
    summary: "Effects of each of an initiative's surveys between two waves (aggregates only)",
    tag,
    access: 'evidence.read',
    response: listOf(surveyEffectsSchema),
    params: idParams,
    query: z.strictObject(wavesQuery),
    handler: async ({ params, query, request }) => ({
      items: await evidence.initiativeSurveyEffects(request.services, params.id, query),
    }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/evidence/inclusion',
    summary:
      "Women's share (and side, role, track) among attendees per meeting and over time, with the target",
    tag,
    access: 'evidence.read',
    response: inclusionReportSchema,
    params: idParams,
    query: periodQuery,
    handler: ({ params, query, request }) => initiativeInclusion(request.services, params.id, query.period),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/evidence/inclusion',
    summary: "Inclusion across a conflict's initiatives over time, beside the Track-I baseline",
    tag,
    access: 'evidence.read',
    response: inclusionReportSchema,
    params: idParams,
    query: periodQuery,
    handler: ({ params, query, request }) => conflictInclusion(request.services, params.id, query.period),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/evidence/meta',
    summary: "Meta-analysis of the workspace's initiatives (and external studies) on one instrument",
    tag,
    access: 'evidence.read',
    response: evidenceMetaSchema,
    params: idParams,
    query: metaQuery,
    handler: ({ params, query, request }) =>
      evidence.evidenceMeta(request.services, params.id, metaOptions(query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/evidence/studies',
    summary: 'The studies a meta-analysis and forest plot would pool (unpooled: any number, even none)',
    tag,
    access: 'evidence.read',
    response: evidenceStudiesSchema,
    params: idParams,
    query: metaQuery,
    handler: ({ params, query, request }) =>
      evidence.evidenceStudies(request.services, params.id, metaOptions(query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/evidence/forest.svg',
    summary: 'Forest plot (SVG) of the meta-analysis',
    tag,
    access: 'evidence.read',
    response: null,
    params: idParams,
    query: metaQuery,
    produces: ['image/svg+xml'],
    handler: async ({ params, query, request, reply }) => {
      const svg = await evidence.evidenceForestSvg(request.services, params.id, metaOptions(query));
      reply.type('image/svg+xml; charset=utf-8');
      return svg;
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/evidence/external-effects',
    summary: 'External studies entered for meta-analysis',
    tag,
    access: 'evidence.read',
    response: listOf(externalEffectSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await evidence.listExternalEffects(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/workspaces/:id/evidence/external-effects',
    summary: "Enter a published study's effect and variance (researchers and conveners)",
    tag,
    access: 'export.research',
    response: externalEffectSchema,
    params: idParams,
    body: externalEffectCreateSchema,
    status: 201,
    handler: ({ params, body, request }) => evidence.addExternalEffect(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/workspaces/:id/evidence/external-effects/:effectId',
    summary: 'Remove an external study',
    tag,
    access: 'export.research',
    response: null,
    params: z.strictObject({ id: idSchema, effectId: idSchema }),
    status: 204,
    handler: ({ params, request }) =>
      evidence.deleteExternalEffect(request.services, params.id, params.effectId),
  });
}
