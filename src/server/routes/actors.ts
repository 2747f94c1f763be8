import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  actorCreateSchema,
  actorFilterSchema,
  actorListItemSchema,
  actorPatchSchema,
  actorSchema,
} from '../../domain/actor.js';
import { identitySchema } from '../../security/identity.js';
import * as actors from '../../services/actors/index.js';
import { meetingsAttendedBy } from '../../services/initiatives/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';
import { countedListOf, listOf } from '../../domain/list.js';
import { meetingAttendedSchema } from '../../domain/meeting-attended.js';
import { countedPageAnswer } from './lists.js';

/** `name` searches the identity vault (needs the right to see names); `q` searches pseudonyms. */
const actorQuery = actorFilterSchema.extend({ name: z.string().trim().min(1).max(200).optional() });

export function registerActorRoutes(app: FastifyInstance): void {
  const tag = 'actors';
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/actors',
    summary:
      "A conflict's actors (pseudonymous records), filtered and paged; `name` searches the vault; each carries its first `name` only for a caller who may see names",
    tag,
    access: 'actors.read',
    response: countedListOf(
      actorListItemSchema,
      'how many actors match the filters: the actor list shows it, and its pager counts pages by it',
    ),
    params: idParams,
    query: actorQuery,
    handler: async ({ params, query, request }) =>
      countedPageAnswer(await actors.listActors(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/actors',
    summary: 'Create an actor; an `identity` goes to the encrypted vault',
    tag,
    access: 'actors.write',
    response: actorSchema,
    body: actorCreateSchema,
    status: 201,
    handler: ({ body, request }) => actors.createActor(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/actors/:id',
    summary: 'One actor (pseudonymous record)',
    tag,
    access: 'actors.read',
    response: actorSchema,
    params: idParams,
    handler: ({ params, request }) => actors.getActor(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/actors/:id',
    summary: 'Change an actor (and its identity, with the right to see names)',
    tag,
    access: 'actors.write',
    response: actorSchema,
    params: idParams,
    body: actorPatchSchema,
    handler: ({ params, body, request }) => actors.updateActor(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/actors/:id/identity',
    summary: "An actor's names, contacts and notes from the vault",
    tag,
    access: 'actors.names',
    response: z.strictObject({ identity: identitySchema.nullable() }),
    params: idParams,
    handler: async ({ params, request }) => ({
      identity: await actors.getActorIdentity(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/actors/:id/identity',
    summary: "Replace an actor's identity in the vault",
    tag,
    access: 'actors.names',
    response: z.strictObject({ identity: identitySchema }),
    params: idParams,
    body: identitySchema,
    handler: async ({ params, body, request }) => ({
      identity: await actors.putActorIdentity(request.services, params.id, body),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/actors/:id/erase',
    summary: "Erase an actor's identity for good (crypto-shredding); the pseudonymous record remains",
    tag,
    access: 'actors.names',
    response: actorSchema,
    params: idParams,
    handler: ({ params, request }) => actors.eraseActor(request.services, params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/actors/:id/meetings',
    summary:
      "The meetings an actor attended, each only if the caller may see that meeting's attendance (Chatham House and closed meetings: conveners only)",
    tag: 'actors',
    access: 'actors.read',
    response: listOf(meetingAttendedSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await meetingsAttendedBy(request.services, params.id),
    }),
  });
}
