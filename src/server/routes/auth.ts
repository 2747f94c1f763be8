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
import { beginSignIn, changeOwnPassword, passwordChangeSchema } from '../../services/accounts/index.js';
import { secondFactorNeededSchema } from '../../domain/second-factor.js';
import { defineRoute } from '../route.js';
import {
  clearSessionCookie,
  sessionSecretOf,
  answerSignedIn,
  setSessionCookie,
  type CookiePolicy,
} from '../request-context.js';
import {
  accountRecord,
  issuedTokenSchema,
  meSchema,
  setupAnswerSchema,
  setupStateSchema,
  signedInSchema,
  tokenInfoSchema,
  type MeAnswer,
} from '../../domain/account.js';
import { listOf } from '../../domain/list.js';

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
    response: setupStateSchema,
    handler: async ({ request }) => ({ open: await setupOpen(request.services) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/setup',
    summary: 'First run: create the first administrator and an empty workspace, and sign in',
    tag,
    access: 'setup',
    response: setupAnswerSchema,
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
      return { account: accountRecord(account), workspace };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    summary:
      'Sign in with email and password; sets the tt_session cookie, or, for an account with a second factor, answers a pending token for the second step',
    tag,
    access: 'public',
    // With a second factor the answer is a pending token instead (routes/second-factor.ts takes the rest).
    response: z.union([signedInSchema, secondFactorNeededSchema]),
    body: signInSchema,
    handler: async ({ body, request, reply }) => {
      const step = await beginSignIn(
        request.services,
        throttle,
        { ...body, address: request.ip },
        policy.sessionHours * 3_600_000,
      );
      if (step.kind === 'second_factor') {
        return {
          second_factor_required: true as const,
          pending_token: step.pendingToken,
          expires_at: step.expiresAt,
          methods: step.methods,
        };
      }
      return answerSignedIn(request, reply, policy, step);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Sign out: ends the cookie session',
    tag,
    access: 'public',
    response: null,
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
    summary:
      'Whether anyone is signed in; if so the account, the workspaces it administers and its roles (never a 401)',
    tag,
    // Labelled by what its service checks when someone is signed in; a visitor is told so without a check.
    access: 'signed-in',
    response: meSchema,
    handler: async ({ request }): Promise<MeAnswer> => {
      if (!request.services.auth) return { signed_in: false };
      const me = await describeMe(request.services);
      return { signed_in: true, ...me, account: accountRecord(me.account) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/tokens',
    summary: "The signed-in account's API tokens (names and dates; never the secrets)",
    tag,
    access: 'signed-in',
    response: listOf(tokenInfoSchema),
    handler: async ({ request }) => ({
      items: (await listTokens(request.services)).map((token) => ({
        name: token.name,
        fingerprint: token.fingerprint,
        created_at: token.createdAt,
        expires_at: token.expiresAt,
        last_used_at: token.lastUsedAt,
        scopes: token.scopes,
      })),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/tokens',
    summary:
      'Create a named bearer token for the API and the CLI (scopes read and/or write; from a signed-in browser only, never with a token); shown once',
    tag,
    access: 'signed-in',
    response: issuedTokenSchema,
    body: tokenCreateSchema,
    status: 201,
    handler: async ({ body, request }) => {
      const issued = await createToken(request.services, body);
      return {
        token: issued.token,
        name: issued.name,
        expires_at: issued.expiresAt,
        scopes: issued.scopes,
      };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/auth/tokens/:name',
    summary: 'Revoke one of your API tokens by name',
    tag,
    access: 'signed-in',
    response: null,
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
    response: null,
    body: passwordChangeSchema,
    status: 204,
    handler: async ({ body, request, reply }) => {
      // A browser keeps its place with a fresh cookie; a script on a token must get a new token.
      const renewCookie = sessionSecretOf(request) !== undefined;
      const session = await changeOwnPassword(request.services, body, {
        renewCookie,
        ttlMs: policy.sessionHours * 3_600_000,
        throttle,
        address: request.ip,
      });
      if (session) setSessionCookie(request, reply, policy, session.secret);
      return undefined;
    },
  });
}
