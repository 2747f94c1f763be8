import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorCreateSchema, actorFilterSchema, actorPatchSchema } from '../../domain/actor.js';
import { tieCreateSchema, tieFilterSchema, tiePatchSchema } from '../../domain/tie.js';
import { identitySchema } from '../../security/identity.js';
import * as actors from '../../services/actors.js';
import * as ties from '../../services/ties.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

/** `name` searches the identity vault (needs the right to see names); `q` searches pseudonyms. */
const actorQuery = actorFilterSchema.extend({ name: z.string().trim().min(1).max(200).optional() });

export function registerActorRoutes(app: FastifyInstance): void {
  const tag = 'actors';
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/actors',
    summary: "A conflict's actors (pseudonymous records), filtered and paged; `name` searches the vault",
    tag,
    access: 'actors.read',
    params: idParams,
    query: actorQuery,
    handler: ({ params, query, request }) => actors.listActors(request.services, params.id, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/actors',
    summary: 'Create an actor; an `identity` goes to the encrypted vault',
    tag,
    access: 'actors.write',
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
    params: idParams,
    handler: ({ params, request }) => actors.getActor(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/actors/:id',
    summary: 'Change an actor (and its identity, with the right to see names)',
    tag,
    access: 'actors.write',
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
    params: idParams,
    handler: ({ params, request }) => actors.eraseActor(request.services, params.id),
  });

  const tieTag = 'ties';
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/ties',
    summary: "A conflict's ties, filtered and paged",
    tag: tieTag,
    access: 'actors.read',
    params: idParams,
    query: tieFilterSchema,
    handler: ({ params, query, request }) => ties.listTies(request.services, params.id, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/ties',
    summary: 'Create a tie between two actors',
    tag: tieTag,
    access: 'ties.write',
    body: tieCreateSchema,
    status: 201,
    handler: ({ body, request }) => ties.createTie(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/ties/:id',
    summary: 'One tie',
    tag: tieTag,
    access: 'actors.read',
    params: idParams,
    handler: ({ params, request }) => ties.getTie(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/ties/:id',
    summary: 'Change a tie',
    tag: tieTag,
    access: 'ties.write',
    params: idParams,
    body: tiePatchSchema,
    handler: ({ params, body, request }) => ties.updateTie(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/ties/:id',
    summary: 'Delete a tie',
    tag: tieTag,
    access: 'ties.write',
    params: idParams,
    status: 204,
    handler: ({ params, request }) => ties.deleteTie(request.services, params.id),
  });
}
