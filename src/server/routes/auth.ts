import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SignInThrottle } from '../../security/throttle.js';
import {
  createToken,
  describeMe,
  listTokens,
  revokeToken,
  setupFirstAdministrator,
  setupOpen,
  setupSchema,
  signIn,
  signInSchema,
  signOut,
  tokenCreateSchema,
} from '../../services/accounts/index.js';
import { changeOwnPassword, passwordChangeSchema } from '../../services/accounts/index.js';
import { defineRoute } from '../route.js';
import {
  clearSessionCookie,
  sessionSecretOf,
  setSessionCookie,
  type CookiePolicy,
} from '../request-context.js';

const tokenNameParams = z.strictObject({ name: z.string().trim().min(1).max(64) });

export function registerAuthRoutes(
  app: FastifyInstance,
  throttle: SignInThrottle,
  policy: CookiePolicy,
): void {
  const tag = 'accounts';

  defineRoute(app, {
    method: 'GET',
    url: '/api/setup',
    summary: 'Whether first-run setup is open (no account exists yet)',
    tag,
    access: 'public',
    handler: async ({ request }) => ({ open: await setupOpen(request.services) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/setup',
    summary: 'First run: create the first administrator and an empty workspace, and sign in',
    tag,
    access: 'setup',
    body: setupSchema,
    status: 201,
    handler: async ({ body, request, reply }) => {
      const { account, workspace } = await setupFirstAdministrator(request.services, body);
      const session = await signIn(
        request.services,
        throttle,
        { email: body.email, password: body.password, address: request.ip },
        policy.sessionHours * 3_600_000,
      );
      setSessionCookie(request, reply, policy, session.secret);
      return { account, workspace };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with email and password; sets the tt_session cookie',
    tag,
    access: 'public',
    body: signInSchema,
    handler: async ({ body, request, reply }) => {
      const session = await signIn(
        request.services,
        throttle,
        { ...body, address: request.ip },
        policy.sessionHours * 3_600_000,
      );
      setSessionCookie(request, reply, policy, session.secret);
      return { account: session.account, expires_at: session.expiresAt };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Sign out: ends the cookie session',
    tag,
    access: 'public',
    status: 204,
    handler: async ({ request, reply }) => {
      await signOut(request.services, sessionSecretOf(request));
      clearSessionCookie(request, reply, policy);
      return undefined;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The signed-in account, the workspaces it administers and its roles',
    tag,
    access: 'signed-in',
    handler: ({ request }) => describeMe(request.services),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/tokens',
    summary: "The signed-in account's API tokens (names and dates; never the secrets)",
    tag,
    access: 'signed-in',
    handler: async ({ request }) => ({ items: await listTokens(request.services) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/tokens',
    summary: 'Create a named bearer token for the API and the CLI; the token is shown once',
    tag,
    access: 'signed-in',
    body: tokenCreateSchema,
    status: 201,
    handler: async ({ body, request }) => {
      const issued = await createToken(request.services, body);
      return { token: issued.token, name: issued.name, expires_at: issued.expiresAt };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/auth/tokens/:name',
    summary: 'Revoke one of your API tokens by name',
    tag,
    access: 'signed-in',
    params: tokenNameParams,
    status: 204,
    handler: async ({ params, request }) => {
      await revokeToken(request.services, params.name);
      return undefined;
    },
  });
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
}
