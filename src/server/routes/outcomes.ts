import type { FastifyInstance } from 'fastify';
import {
  outcomeCreateSchema,
  outcomePatchSchema,
  outcomeSchema,
  transferCreateSchema,
  transferPatchSchema,
  transferSchema,
} from '../../domain/outcome.js';
import * as outcomes from '../../services/initiatives/index.js';
import { defineRoute } from '../route.js';
import { idParams, pageQuery } from './params.js';
import { listOf } from '../../domain/list.js';
import { transferShownSchema } from '../../domain/transfer-shown.js';
import { pageAnswer } from './lists.js';

/** Outcomes of an initiative and their transfers to Track I. */
export function registerOutcomeRoutes(app: FastifyInstance): void {
  const tag = 'outcomes';
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/outcomes',
    summary: "An initiative's outcomes",
    tag,
    access: 'outcomes.read',
    response: listOf(outcomeSchema, 'Paged: `next` is the offset of the next page'),
    params: idParams,
    query: pageQuery,
    handler: async ({ params, query, request }) =>
      pageAnswer(await outcomes.listOutcomes(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/outcomes',
    summary: 'Record an outcome',
    tag,
    access: 'outcomes.write',
    response: outcomeSchema,
    body: outcomeCreateSchema,
    status: 201,
    handler: ({ body, request }) => outcomes.createOutcome(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/outcomes/:id',
    summary: 'One outcome',
    tag,
    access: 'outcomes.read',
    response: outcomeSchema,
    params: idParams,
    handler: ({ params, request }) => outcomes.getOutcome(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/outcomes/:id',
    summary: 'Change an outcome',
    tag,
    access: 'outcomes.write',
    response: outcomeSchema,
    params: idParams,
    body: outcomePatchSchema,
    handler: ({ params, body, request }) => outcomes.updateOutcome(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/outcomes/:id',
    summary: 'Delete an outcome and its transfers',
    tag,
    access: 'outcomes.write',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => outcomes.deleteOutcome(request.services, params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/transfers',
    summary: "Transfers of an initiative's outcomes to Track I (recipients: to those who may read actors)",
    tag,
    access: 'outcomes.read',
    response: listOf(transferShownSchema, 'Paged: `next` is the offset of the next page'),
    params: idParams,
    query: pageQuery,
    handler: async ({ params, query, request }) =>
      pageAnswer(await outcomes.listTransfers(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/transfers',
    summary: 'Hand an outcome to Track-I actors',
    tag,
    access: 'transfers.write',
    response: transferSchema,
    body: transferCreateSchema,
    status: 201,
    handler: ({ body, request }) => outcomes.createTransfer(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/transfers/:id',
    summary: 'One transfer',
    tag,
    access: 'outcomes.read',
    response: transferShownSchema,
    params: idParams,
    handler: ({ params, request }) => outcomes.getTransfer(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/transfers/:id',
    summary: 'Record what became of a transfer (status and its date) or correct it',
    tag,
    access: 'transfers.write',
    response: transferSchema,
    params: idParams,
    body: transferPatchSchema,
    handler: ({ params, body, request }) => outcomes.updateTransfer(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/transfers/:id',
    summary: 'Delete a transfer',
    tag,
    access: 'transfers.write',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => outcomes.deleteTransfer(request.services, params.id),
  });
}
