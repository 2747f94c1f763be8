import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isoDateSchema } from '../../domain/scalars.js';
import {
  budgetLineCreateSchema,
  budgetLineSchema,
  disbursementCreateSchema,
  disbursementSchema,
  funderCreateSchema,
  funderSchema,
  fundingGapSchema,
  monthSchema,
  peaceIndicatorSchema,
  peaceReportSchema,
  pledgeCreateSchema,
  pledgeSchema,
  resourcesSchema,
  trackOneEventCreateSchema,
  trackOneEventPatchSchema,
  trackOneEventSchema,
  transferTrackOneBodySchema,
  transferTrackOneSchema,
} from '../../domain/track-one.js';
import * as trackOne from '../../services/track-one/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

const periodQuery = z.strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });
const indicatorQuery = z.strictObject({
  area: z.string().trim().min(1).max(120).optional(),
  month: monthSchema.optional(),
});
const items = <T extends z.ZodType>(schema: T, what: string) =>
  z.strictObject({ items: z.array(schema) }).describe(what);

/** The Track-I timeline of a conflict, peace indicators and an initiative's resources (issue #15). */
export function registerTrackOneRoutes(app: FastifyInstance): void {
  const tag = 'track-one';
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/track-one-events',
    summary: "A conflict's Track-I timeline (parties: to those who may read actors; the others see how many)",
    tag,
    access: 'trackone.read',
    response: items(trackOneEventSchema, 'In date order'),
    params: idParams,
    query: periodQuery,
    handler: async ({ params, query, request }) => ({
      items: await trackOne.listTrackOneEvents(request.services, params.id, query),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/track-one-events',
    summary: 'Record a Track-I event (agreements with their PA-X stage and gender provisions)',
    tag,
    access: 'trackone.write',
    response: trackOneEventSchema,
    body: trackOneEventCreateSchema,
    status: 201,
    handler: ({ body, request }) => trackOne.createTrackOneEvent(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/track-one-events/:id',
    summary: 'One Track-I event',
    tag,
    access: 'trackone.read',
    response: trackOneEventSchema,
    params: idParams,
    handler: ({ params, request }) => trackOne.getTrackOneEvent(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/track-one-events/:id',
    summary: 'Change a Track-I event (parties, when given, are replaced)',
    tag,
    access: 'trackone.write',
    response: trackOneEventSchema,
    params: idParams,
    body: trackOneEventPatchSchema,
    handler: ({ params, body, request }) => trackOne.updateTrackOneEvent(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/track-one-events/:id',
    summary: 'Delete a Track-I event',
    tag,
    access: 'trackone.write',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => trackOne.deleteTrackOneEvent(request.services, params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/transfers/:id/track-one-event',
    summary: 'The Track-I event a transfer fed, if any',
    tag,
    access: 'outcomes.read',
    response: transferTrackOneSchema,
    params: idParams,
    handler: ({ params, request }) => trackOne.getTransferTrackOne(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/transfers/:id/track-one-event',
    summary: 'Name (or clear, with null) the Track-I event a transfer fed',
    tag,
    access: 'transfers.write',
    response: transferTrackOneSchema,
    params: idParams,
    body: transferTrackOneBodySchema,
    handler: ({ params, body, request }) =>
      trackOne.linkTransferToTrackOne(request.services, params.id, body.track_one_event_id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/peace-indicators',
    summary: "An initiative's peace indicators per area and month",
    tag,
    access: 'indicators.read',
    response: items(peaceIndicatorSchema, 'By month, area and indicator'),
    params: idParams,
    query: indicatorQuery,
    handler: async ({ params, query, request }) => ({
      items: await trackOne.listPeaceIndicators(request.services, params.id, query),
    }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/initiatives/:id/peace-indicators',
    summary:
      "A field monitor's report of one area and month (each indicator's count replaced; all or nothing)",
    tag,
    access: 'indicators.write',
    response: items(peaceIndicatorSchema, 'The area and month as now stored'),
    params: idParams,
    body: peaceReportSchema,
    handler: async ({ params, body, request }) => ({
      items: await trackOne.reportPeaceIndicators(request.services, params.id, body),
    }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/funders',
    summary: "A workspace's funders (not shown to funders themselves)",
    tag,
    access: 'funding.details',
    response: items(funderSchema, 'By name'),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await trackOne.listFunders(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/workspaces/:id/funders',
    summary: 'Add a funder',
    tag,
    access: 'funding.write',
    response: funderSchema,
    params: idParams,
    body: funderCreateSchema,
    status: 201,
    handler: ({ params, body, request }) => trackOne.createFunder(request.services, params.id, body.name),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/resources',
    summary:
      "An initiative's budget lines, pledges, disbursements and gap per currency (funders: aggregates only)",
    tag,
    access: 'funding.read',
    response: resourcesSchema,
    params: idParams,
    handler: ({ params, request }) => trackOne.getResources(request.services, params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/funding-gap',
    summary: "A conflict's funding gap per currency, over the initiatives whose funding the caller may read",
    tag,
    access: 'funding.read',
    response: fundingGapSchema,
    params: idParams,
    handler: ({ params, request }) => trackOne.conflictFundingGap(request.services, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/initiatives/:id/budget-lines',
    summary: 'Add a budget line (a need, in one currency)',
    tag,
    access: 'funding.write',
    response: budgetLineSchema,
    params: idParams,
    body: budgetLineCreateSchema,
    status: 201,
    handler: ({ params, body, request }) => trackOne.addBudgetLine(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/budget-lines/:id',
    summary: 'Remove a budget line',
    tag,
    access: 'funding.write',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => trackOne.deleteBudgetLine(request.services, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/initiatives/:id/pledges',
    summary: "Record a funder's pledge",
    tag,
    access: 'funding.write',
    response: pledgeSchema,
    params: idParams,
    body: pledgeCreateSchema,
    status: 201,
    handler: ({ params, body, request }) => trackOne.addPledge(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/pledges/:id',
    summary: 'Remove a pledge and its disbursements',
    tag,
    access: 'funding.write',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => trackOne.deletePledge(request.services, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/pledges/:id/disbursements',
    summary: 'Record a disbursement against a pledge (never beyond it)',
    tag,
    access: 'funding.write',
    response: disbursementSchema,
    params: idParams,
    body: disbursementCreateSchema,
    status: 201,
    handler: ({ params, body, request }) => trackOne.addDisbursement(request.services, params.id, body),
  });
}
