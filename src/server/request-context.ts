import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
    const header = request.headers.authorization;
    if (header !== undefined) {
      const bearer = BEARER.exec(header);
      const session = bearer ? await authenticate(store.db, bearer[1], 'token') : undefined;
      if (!session)
        throw new TrackTwoError('TT_ERR_UNAUTHENTICATED', { reason: 'the bearer token is not valid' });
      auth = { accountId: session.accountId };
    } else {
      const session = await authenticate(store.db, sessionSecretOf(request), 'cookie');
      if (session) auth = { accountId: session.accountId };
    }
    request.auth = auth;
    request.services = { db: store.db, dialect: store.dialect, keys, auth };
  });
}
