import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { initiativeCreateSchema, initiativePatchSchema, initiativeSchema } from '../../domain/initiative.js';
import { idSchema } from '../../domain/scalars.js';
import { initiativeRoleSchema } from '../../domain/vocabulary.js';
import * as initiatives from '../../services/initiatives/index.js';
import { defineRoute } from '../route.js';
import { idParams, pageQuery } from './params.js';
import { listOf } from '../../domain/list.js';
import { invitationSchema, memberSchema } from '../../domain/member.js';
import { pageAnswer } from './lists.js';
import { accountRecord, accountSchema } from '../../domain/account.js';

const memberParams = z.strictObject({ id: idSchema, accountId: idSchema, role: initiativeRoleSchema });
const accountParams = z.strictObject({ id: idSchema, accountId: idSchema });

export function registerInitiativeRoutes(app: FastifyInstance): void {
  const tag = 'initiatives';
  defineRoute(app, {
    method: 'POST',
    url: '/api/initiatives',
    summary: 'Open an initiative in a conflict (administrators)',
    tag,
    access: 'conflict.write',
    response: initiativeSchema,
    body: initiativeCreateSchema,
    status: 201,
    handler: ({ body, request }) => initiatives.createInitiative(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id',
    summary: 'One initiative (conveners and facilitators shown to those who may read the actor map)',
    tag,
    access: 'initiative.read',
    response: initiativeSchema,
    params: idParams,
    handler: ({ params, request }) => initiatives.getInitiative(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/initiatives/:id',
    summary: 'Change an initiative: aims, status, funding, conveners and facilitators',
    tag,
    access: 'initiative.write',
    response: initiativeSchema,
    params: idParams,
    body: initiativePatchSchema,
    handler: ({ params, body, request }) => initiatives.updateInitiative(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/initiatives/:id',
    summary: 'Delete an initiative with its meetings, outcomes and transfers (administrators)',
    tag,
    access: 'workspace.manage',
    response: null,
    params: idParams,
    status: 204,
    handler: ({ params, request }) => initiatives.deleteInitiative(request.services, params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/members',
    summary: 'Accounts holding a role in the initiative',
    tag,
    access: 'members.manage',
    response: listOf(memberSchema, 'Paged: `next` is the offset of the next page'),
    params: idParams,
    query: pageQuery,
    handler: async ({ params, query, request }) =>
      pageAnswer(await initiatives.listMembers(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/initiatives/:id/members',
    summary:
      'Invite an e-mail address to a role: its account gets it now or once made; the answer (202) is the same either way',
    tag,
    access: 'members.manage',
    response: invitationSchema,
    params: idParams,
    body: initiatives.memberAddSchema,
    status: 202,
    handler: ({ params, body, request }) => initiatives.addMember(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/initiatives/:id/members/:accountId/:role',
    summary: 'Take a role away',
    tag,
    access: 'members.manage',
    response: null,
    params: memberParams,
    status: 204,
    handler: ({ params, request }) =>
      initiatives.removeMember(request.services, params.id, params.accountId, params.role),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/initiatives/:id/members/:accountId/:role',
    summary:
      "Change a member's role: the account holds this one role in the initiative instead of its roles now (never the last convener away, never your own right to manage people)",
    tag,
    access: 'members.manage',
    response: null,
    params: memberParams,
    status: 204,
    handler: ({ params, request }) =>
      initiatives.changeMemberRole(request.services, params.id, params.accountId, params.role),
  });
  for (const action of ['disable', 'enable'] as const) {
    defineRoute(app, {
      method: 'POST',
      url: `/api/initiatives/:id/members/:accountId/${action}`,
      summary:
        action === 'disable'
          ? "Disable a member's account everywhere (signs it out; workspace administrators; not an administrator's account, not your own)"
          : "Enable a member's disabled account again (workspace administrators)",
      tag,
      access: 'workspace.manage',
      response: accountSchema,
      params: accountParams,
      handler: async ({ params, request }) =>
        accountRecord(
          await initiatives.setMemberEnabled(
            request.services,
            params.id,
            params.accountId,
            action === 'enable',
          ),
        ),
    });
  }
}
