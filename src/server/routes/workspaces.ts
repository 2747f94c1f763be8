import type { FastifyInstance } from 'fastify';
import { workspaceCreateSchema, workspacePatchSchema, workspaceSchema } from '../../domain/workspace.js';
import * as conflicts from '../../services/workspaces/index.js';
import * as initiatives from '../../services/initiatives/index.js';
import * as workspaces from '../../services/workspaces/index.js';
import { defineRoute } from '../route.js';
import { idParams, pageQuery } from './params.js';
import { conflictSchema } from '../../domain/conflict.js';
import { initiativeSchema } from '../../domain/initiative.js';
import { listOf } from '../../domain/list.js';
import { pageAnswer } from './lists.js';

export function registerWorkspaceRoutes(app: FastifyInstance): void {
  const tag = 'workspaces';
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces',
    summary: 'Workspaces you administer or hold a role in',
    tag,
    access: 'signed-in',
    response: listOf(workspaceSchema, 'Paged: `next` is the offset of the next page'),
    query: pageQuery,
    handler: async ({ query, request }) =>
      pageAnswer(await workspaces.listWorkspaces(request.services, query)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/workspaces',
    summary: 'Open a workspace (the operator and instance administrators); you become its administrator',
    tag,
    access: 'instance-admin',
    response: workspaceSchema,
    body: workspaceCreateSchema,
    status: 201,
    handler: ({ body, request }) => workspaces.createWorkspace(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id',
    summary: 'One workspace',
    tag,
    access: 'workspace.read',
    response: workspaceSchema,
    params: idParams,
    handler: ({ params, request }) => workspaces.getWorkspace(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/workspaces/:id',
    summary: 'Rename or describe a workspace',
    tag,
    access: 'workspace.manage',
    response: workspaceSchema,
    params: idParams,
    body: workspacePatchSchema,
    handler: ({ params, body, request }) => workspaces.updateWorkspace(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/workspaces/:id',
    summary: 'Delete a workspace and everything in it',
    tag,
    access: 'workspace.manage',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => workspaces.deleteWorkspace(request.services, params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/conflicts',
    summary: 'Conflicts of the workspace you may see',
    tag,
    access: 'workspace.read',
    response: listOf(conflictSchema, 'Paged: `next` is the offset of the next page'),
    params: idParams,
    query: pageQuery,
    handler: async ({ params, query, request }) =>
      pageAnswer(await conflicts.listConflicts(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/initiatives',
    summary: 'Initiatives of the workspace you may see',
    tag,
    access: 'workspace.read',
    response: listOf(initiativeSchema, 'Paged: `next` is the offset of the next page'),
    params: idParams,
    query: pageQuery,
    handler: async ({ params, query, request }) =>
      pageAnswer(await initiatives.listInitiatives(request.services, params.id, query)),
  });
}
