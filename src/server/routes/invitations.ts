import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  invitationAcceptedSchema,
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationInfoSchema,
  invitationLinkSchema,
} from '../../domain/invitation-links.js';
import { listOf } from '../../domain/list.js';
import { idSchema } from '../../domain/scalars.js';
import * as invitations from '../../services/accounts/index.js';
import { setSessionCookie, type CookiePolicy } from '../request-context.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

const invitationParams = z.strictObject({ id: idSchema, invitationId: idSchema });
// Any text up to a bound: a malformed code is an unknown one (and counts as a wrong guess).
const codeParams = z.strictObject({ code: z.string().min(1).max(128) });

/** Invitation links of initiatives: made by their people's managers, taken by the invited person. */
export function registerInvitationRoutes(app: FastifyInstance, policy: CookiePolicy): void {
  const tag = 'accounts';
  defineRoute(app, {
    method: 'POST',
    url: '/api/initiatives/:id/invitations',
    summary:
      'Invite an e-mail address to a role by a link (14 days, one use) to send yourself; the answer (202) is the same whether or not the address has an account, and no e-mail is sent',
    tag,
    access: 'members.manage',
    response: invitationLinkSchema,
    params: idParams,
    body: invitationCreateSchema,
    status: 202,
    handler: ({ params, body, request }) => invitations.createInvitation(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/invitations',
    summary: 'The invitation links of an initiative with their state (never the links themselves)',
    tag,
    access: 'members.manage',
    response: listOf(invitationLinkSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await invitations.listInvitations(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/initiatives/:id/invitations/:invitationId',
    summary: 'Withdraw an invitation link not yet used',
    tag,
    access: 'members.manage',
    response: null,
    params: invitationParams,
    status: 204,
    handler: ({ params, request }) =>
      invitations.revokeInvitation(request.services, params.id, params.invitationId),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/invitations/:code',
    summary: 'What an invitation link invites to (no account needed): the initiative, the role, the address',
    tag,
    access: 'public',
    tokenGuarded: true,
    response: invitationInfoSchema,
    params: codeParams,
    handler: ({ params, request }) => invitations.describeInvitation(request.services, params.code),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/invitations/:code/accept',
    summary:
      'Take an invitation: signed in as the invited address with no body, or as a new person with a name and a password (signs in)',
    tag,
    access: 'public',
    tokenGuarded: true,
    response: invitationAcceptedSchema,
    params: codeParams,
    body: invitationAcceptSchema,
    handler: async ({ params, body, request, reply }) => {
      const accepted = await invitations.acceptInvitation(request.services, params.code, body, {
        ttlMs: policy.sessionHours * 3_600_000,
      });
      if (accepted.session) setSessionCookie(request, reply, policy, accepted.session.secret);
      return {
        initiative_id: accepted.initiative_id,
        role: accepted.role,
        signed_in: accepted.session !== null,
      };
    },
  });
}
