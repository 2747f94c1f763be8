import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountRecord } from '../domain/account.js';
import { TrackTwoError } from '../domain/errors.js';
import type { Auth } from '../security/auth.js';
import { authenticate, SESSION_COOKIE_NAME, sessionCookieOptions } from '../security/sessions.js';
import type { VaultKeys } from '../security/vault.js';
import type { ServiceContext } from '../services/context.js';
import type { AppStore } from './app-store.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request (cookie session or bearer token), or null. */
    auth: Auth | null;
    /** The use cases' context for this request. */
    services: ServiceContext;
  }
}

export interface CookiePolicy {
  secureCookies: 'auto' | 'always' | 'never';
  sessionHours: number;
}

/** Secure when the request came over TLS (with a trusted proxy: as forwarded), unless configured otherwise. */
export function cookieIsSecure(request: FastifyRequest, policy: CookiePolicy): boolean {
  if (policy.secureCookies === 'always') return true;
  if (policy.secureCookies === 'never') return false;
  return request.protocol === 'https';
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  policy: CookiePolicy,
  secret: string,
): void {
  reply.setCookie(
    SESSION_COOKIE_NAME,
    secret,
    sessionCookieOptions({
      secure: cookieIsSecure(request, policy),
      maxAgeSeconds: policy.sessionHours * 3600,
    }),
  );
}

/** A completed sign-in (in one step or after the second factor): sets its cookie and gives its answer. */
export function answerSignedIn(
  request: FastifyRequest,
  reply: FastifyReply,
  policy: CookiePolicy,
  signedIn: { secret: string; account: Parameters<typeof accountRecord>[0]; expiresAt: string },
): { account: ReturnType<typeof accountRecord>; expires_at: string } {
  setSessionCookie(request, reply, policy, signedIn.secret);
  return { account: accountRecord(signedIn.account), expires_at: signedIn.expiresAt };
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, policy: CookiePolicy): void {
  reply.clearCookie(SESSION_COOKIE_NAME, {
    ...sessionCookieOptions({ secure: cookieIsSecure(request, policy) }),
    maxAge: 0,
  });
}

export function sessionSecretOf(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE_NAME];
}

const BEARER = /^Bearer\s+(\S+)$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request a browser sent from anywhere but this app's own pages (CSRF). A cookie
 * rides along with any request the browser makes, SameSite=Strict does not cover other ports or subdomains
 * of the same site, and even a body-less POST can erase an identity, so the browser's own word decides:
 * `Sec-Fetch-Site` must be `same-origin` (or `none`: typed in the address bar), else `Origin` must be ours.
 * Requests without either (scripts, gateways' webhooks) carry no ambient credential a page could borrow:
 * they authenticate by bearer token, or not at all.
 */
export function checkSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') {
    if (fetchSite === 'same-origin' || fetchSite === 'none') return;
    throw new TrackTwoError('TT_ERR_CROSS_ORIGIN', { reason: `Sec-Fetch-Site: ${fetchSite.slice(0, 20)}` });
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (origin !== `${request.protocol}://${request.host}`)
    throw new TrackTwoError('TT_ERR_CROSS_ORIGIN', { reason: 'the Origin is not this server' });
}

/**
 * Resolves who is asking before any route runs. A bearer token that does not work is refused outright (a
 * script should learn at once that its token is wrong); a stale cookie is simply no session.
 */
export async function installRequestContext(
  app: FastifyInstance,
  store: AppStore,
  keys: VaultKeys,
): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('auth', null);
  app.decorateRequest('services', null as unknown as ServiceContext);
  app.addHook('onRequest', async (request) => {
    let auth: Auth | null = null;
    let mustChangePassword = false;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const bearer = BEARER.exec(header);
      const session = bearer ? await authenticate(store.db, bearer[1], 'token') : undefined;
      if (!session)
        throw new TrackTwoError('TT_ERR_UNAUTHENTICATED', { reason: 'the bearer token is not valid' });
      auth = { accountId: session.accountId, token: { scopes: session.scopes } };
      mustChangePassword = session.mustChangePassword;
      // A read-only token reads; every other method needs the `write` scope.
      if (!SAFE_METHODS.has(request.method) && !session.scopes.includes('write'))
        throw new TrackTwoError('TT_ERR_FORBIDDEN', { reason: 'this API token may only read (scope read)' });
    } else {
      checkSameOrigin(request);
      const session = await authenticate(store.db, sessionSecretOf(request), 'cookie');
      if (session) auth = { accountId: session.accountId };
      mustChangePassword = session?.mustChangePassword ?? false;
    }
    request.auth = auth;
    request.services = { db: store.db, dialect: store.dialect, keys, auth };
    refuseAnonymousBody(request);
    refuseUntilPasswordChanged(request, mustChangePassword);
  });
}

/** What an account that must replace its one-time password may still do: see itself, change it, leave. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/auth/me',
  'PUT /api/auth/password',
  'POST /api/auth/logout',
]);

/**
 * An account signed in with the one-time password printed on first start is refused every other API call
 * (TT_ERR_PASSWORD_CHANGE_REQUIRED) until it has set its own: the console it was printed on may be read
 * by others. Public routes (and the web app's files) stay open.
 */
export function refuseUntilPasswordChanged(request: FastifyRequest, mustChangePassword: boolean): void {
  if (!mustChangePassword) return;
  const access = request.routeOptions.config?.access;
  if (access === undefined || access === 'public' || access === 'setup') return;
  if (OPEN_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url}`)) return;
  throw new TrackTwoError('TT_ERR_PASSWORD_CHANGE_REQUIRED');
}

/** Participants named by their dialogue token send it in this header (not as a bearer: that is an API token). */
export const PARTICIPANT_TOKEN_HEADER = 'x-participant-token';

/**
 * A write to a route that needs an account, sent by nobody, is refused here, in `onRequest`, before a byte
 * of its body is read or parsed: an anonymous caller must not make the server read and parse 64 MiB of
 * import. Public and setup routes are open to anyone; the dialogue routes a participant reaches with a
 * participant token (and no account) are let through when that header is there, their own body limit
 * (the app's 1 MiB) holds, and their service checks the token.
 */
export function refuseAnonymousBody(request: FastifyRequest): void {
  if (request.auth || SAFE_METHODS.has(request.method)) return;
  const access = request.routeOptions.config?.access;
  if (access === undefined || access === 'public' || access === 'setup') return;
  if (access.split('|').includes('dialogues.participate') && request.headers[PARTICIPANT_TOKEN_HEADER])
    return;
  throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
}
