import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as erasure from '../../services/erasure/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

// The typed confirmation: the name of the initiative or workspace, so one slip cannot shred it.
const confirmBody = z.strictObject({ confirm: z.string().min(1).max(500) });
const erasureReport = z.strictObject({
  identities_erased: z.number().int().nonnegative(),
  attendances_deleted: z.number().int().nonnegative(),
});

export function registerErasureRoutes(app: FastifyInstance): void {
  const tag = 'erasure';
  defineRoute(app, {
    method: 'POST',
    url: '/api/initiatives/:id/emergency-erase',
    summary:
      'Emergency erasure (administrators): destroy the identities of everyone the initiative names, its ' +
      'attendance lists and its dialogue participants’ links. Cannot be undone; `confirm` is its name.',
    tag,
    access: 'workspace.manage',
    response: erasureReport,
    params: idParams,
    body: confirmBody,
    handler: ({ params, body, request }) => erasure.eraseInitiative(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/workspaces/:id/emergency-erase',
    summary:
      'Emergency erasure (administrators): destroy the workspace key and every identity of the workspace. ' +
      'Cannot be undone; `confirm` is its name.',
    tag,
    access: 'workspace.manage',
    response: erasureReport,
    params: idParams,
    body: confirmBody,
    handler: ({ params, body, request }) => erasure.eraseWorkspace(request.services, params.id, body),
  });
}
