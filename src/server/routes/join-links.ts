import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  joinByLinkSchema,
  joinedByLinkSchema,
  joinInfoSchema,
  joinLinkCreateSchema,
  joinLinkSchema,
} from '../../domain/join-links.js';
import { listOf } from '../../domain/list.js';
import { idSchema } from '../../domain/scalars.js';
import * as joinLinks from '../../services/dialogues/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

/** Any string: a malformed code is answered TT_ERR_JOIN_LINK_UNKNOWN, and so counts as a wrong guess. */
const codeParams = z.strictObject({ code: z.string().min(1).max(200) });
const linkParams = z.strictObject({ id: idSchema, linkId: idSchema });

export function registerJoinLinkRoutes(app: FastifyInstance): void {
  const tag = 'dialogues';
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/join-links',
    summary: "A dialogue's join links (the open link with its address; personal links without theirs)",
    tag,
    access: 'dialogues.manage',
    response: listOf(joinLinkSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await joinLinks.listJoinLinks(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/dialogues/:id/join-links',
    summary:
      'Make the open join link (replacing the one in force) or personal links (each address shown once)',
    tag,
    access: 'dialogues.manage',
    response: listOf(joinLinkSchema),
    params: idParams,
    body: joinLinkCreateSchema,
    status: 201,
    handler: async ({ params, body, request }) => ({
      items: await joinLinks.createJoinLinks(request.services, params.id, body),
    }),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/dialogues/:id/join-links/:linkId',
    summary: 'Revoke a join link: it is then refused with TT_ERR_JOIN_LINK_REVOKED',
    tag,
    access: 'dialogues.manage',
    response: joinLinkSchema,
    params: linkParams,
    handler: ({ params, request }) => joinLinks.revokeJoinLink(request.services, params.id, params.linkId),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/join/:code',
    summary: "What a join link opens (no account needed): the dialogue's question and its sides",
    tag,
    access: 'public',
    tokenGuarded: true,
    response: joinInfoSchema,
    params: codeParams,
    handler: ({ params, request }) => joinLinks.joinInfo(request.services, params.code),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/join/:code',
    summary: 'Join by link without an account (optionally declaring a side); returns the participant token',
    tag,
    access: 'public',
    tokenGuarded: true,
    response: joinedByLinkSchema,
    params: codeParams,
    body: joinByLinkSchema,
    status: 201,
    handler: ({ params, body, request }) =>
      joinLinks.joinByLink(request.services, params.code, body.group_id, body.language),
  });
}
