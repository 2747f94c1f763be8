import type { FastifyInstance } from 'fastify';
import { tieCreateSchema, tieFilterSchema, tiePatchSchema, tieSchema } from '../../domain/tie.js';
import * as ties from '../../services/actors/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';
import { countedListOf } from '../../domain/list.js';
import { countedPageAnswer } from './lists.js';

export function registerTieRoutes(app: FastifyInstance): void {
  const tag = 'ties';
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/ties',
    summary: "A conflict's ties, filtered and paged",
    tag,
    access: 'actors.read',
    response: countedListOf(
      tieSchema,
      'how many ties match the filters: the tie list shows it beside its pager',
    ),
    params: idParams,
    query: tieFilterSchema,
    handler: async ({ params, query, request }) =>
      countedPageAnswer(await ties.listTies(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/ties',
    summary: 'Create a tie between two actors',
    tag,
    access: 'ties.write',
    response: tieSchema,
    body: tieCreateSchema,
    status: 201,
    handler: ({ body, request }) => ties.createTie(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/ties/:id',
    summary: 'One tie',
    tag,
    access: 'actors.read',
    response: tieSchema,
    params: idParams,
    handler: ({ params, request }) => ties.getTie(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/ties/:id',
    summary: 'Change a tie',
    tag,
    access: 'ties.write',
    response: tieSchema,
    params: idParams,
    body: tiePatchSchema,
    handler: ({ params, body, request }) => ties.updateTie(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/ties/:id',
    summary: 'Delete a tie',
    tag,
    access: 'ties.write',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => ties.deleteTie(request.services, params.id),
  });
}
