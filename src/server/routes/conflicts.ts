import type { FastifyInstance } from 'fastify';
import {
  conflictCreateSchema,
  conflictEventCreateSchema,
  conflictEventPatchSchema,
  conflictPatchSchema,
  conflictEventSchema,
  conflictSchema,
  divideCreateSchema,
  divideSchema,
} from '../../domain/conflict.js';
import * as conflicts from '../../services/workspaces/index.js';
import { defineRoute } from '../route.js';
import { idParams, pageQuery } from './params.js';
import { listOf } from '../../domain/list.js';
import { pageAnswer } from './lists.js';

export function registerConflictRoutes(app: FastifyInstance): void {
  const tag = 'conflicts';
  defineRoute(app, {
    method: 'POST',
    url: '/api/conflicts',
    summary: 'Create a conflict with its divides and groups (administrators)',
    tag,
    access: 'conflict.write',
    response: conflictSchema,
    body: conflictCreateSchema,
    status: 201,
    handler: ({ body, request }) => conflicts.createConflict(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id',
    summary: 'One conflict with its divides and groups',
    tag,
    access: 'conflict.read',
    response: conflictSchema,
    params: idParams,
    handler: ({ params, request }) => conflicts.getConflict(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/conflicts/:id',
    summary: 'Change a conflict',
    tag,
    access: 'conflict.write',
    response: conflictSchema,
    params: idParams,
    body: conflictPatchSchema,
    handler: ({ params, body, request }) => conflicts.updateConflict(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/conflicts/:id',
    summary: 'Delete a conflict (refused while initiatives belong to it)',
    tag,
    access: 'conflict.write',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => conflicts.deleteConflict(request.services, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/conflicts/:id/divides',
    summary: 'Add a divide with its groups',
    tag,
    access: 'conflict.write',
    response: divideSchema,
    params: idParams,
    body: divideCreateSchema,
    status: 201,
    handler: ({ params, body, request }) => conflicts.addDivide(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/events',
    summary: 'The official timeline (ceasefires, truces, accords, breakdowns)',
    tag,
    access: 'conflict.read',
    response: listOf(conflictEventSchema, 'Paged: `next` is the offset of the next page'),
    params: idParams,
    query: pageQuery,
    handler: async ({ params, query, request }) =>
      pageAnswer(await conflicts.listConflictEvents(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/conflict-events',
    summary: 'Add an official timeline event',
    tag,
    access: 'conflict.write',
    response: conflictEventSchema,
    body: conflictEventCreateSchema,
    status: 201,
    handler: ({ body, request }) => conflicts.createConflictEvent(request.services, body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/conflict-events/:id',
    summary: 'Change a timeline event',
    tag,
    access: 'conflict.write',
    response: conflictEventSchema,
    params: idParams,
    body: conflictEventPatchSchema,
    handler: ({ params, body, request }) => conflicts.updateConflictEvent(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/conflict-events/:id',
    summary: 'Delete a timeline event',
    tag,
    access: 'conflict.write',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => conflicts.deleteConflictEvent(request.services, params.id),
  });
}
