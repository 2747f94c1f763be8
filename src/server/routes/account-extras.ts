import type { FastifyInstance } from 'fastify';
import {
  changeOwnPassword,
  meetingsAttendedBy,
  passwordChangeSchema,
} from '../../services/account-extras.js';
import { defineRoute } from '../route.js';
import { sessionSecretOf, setSessionCookie, type CookiePolicy } from '../request-context.js';
import { idParams } from './params.js';

/** What the account page and the actor page need beyond the records' own routes. */
export function registerAccountExtraRoutes(app: FastifyInstance, policy: CookiePolicy): void {
  defineRoute(app, {
    method: 'PUT',
    url: '/api/auth/password',
    summary:
      'Change your own password (the current one is required); every other session and token of the account ends',
    tag: 'accounts',
    access: 'signed-in',
    body: passwordChangeSchema,
    status: 204,
    handler: async ({ body, request, reply }) => {
      // A browser keeps its place with a fresh cookie; a script on a token must get a new token.
      const renewCookie = sessionSecretOf(request) !== undefined;
      const session = await changeOwnPassword(request.services, body, {
        renewCookie,
        ttlMs: policy.sessionHours * 3_600_000,
      });
      if (session) setSessionCookie(request, reply, policy, session.secret);
      return undefined;
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/actors/:id/meetings',
    summary:
      "The meetings an actor attended, each only if the caller may see that meeting's attendance (Chatham House and closed meetings: conveners only)",
    tag: 'actors',
    access: 'actors.read',
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await meetingsAttendedBy(request.services, params.id),
    }),
  });
}
