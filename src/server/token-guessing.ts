import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TrackTwoError } from '../domain/errors.js';
import { PARTICIPANT_TOKEN_HEADER } from './request-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request was refused with a 4xx on a token route: one more wrong guess of its address. */
    tokenLookupFailed: boolean;
  }
}

/**
 * The answers of a lookup that found no token: a wrong participant token, join link or answer link, or a dialogue or
 * survey that is not there. A participant's own mistakes (a closed wave, a bad answer) do not count.
 */
const lookupFailures = new Set<string>([
  'TT_ERR_DIALOGUE_BAD_TOKEN',
  'TT_ERR_SURVEY_LINK_INVALID',
  'TT_ERR_SURVEY_LINK_MISMATCH',
  'TT_ERR_NOT_FOUND',
  'TT_ERR_JOIN_LINK_UNKNOWN',
  'TT_ERR_INVITATION_UNKNOWN',
]);

export interface TokenGuessLimit {
  /** Failed token lookups allowed per client address in the window. */
  max: number;
  windowMs: number;
}

/**
 * Who reaches a route with a token instead of an account: survey answer links always (their routes are
 * public), dialogue routes when the participant-token header is there and no account is signed in.
 */
function guarded(request: FastifyRequest): boolean {
  if (!request.routeOptions.config?.tokenGuarded) return false;
  if (request.routeOptions.config.access === 'public') return true;
  return request.auth === null && request.headers[PARTICIPANT_TOKEN_HEADER] !== undefined;
}

/**
 * Rate-limits guessing of participant and survey tokens (which hold no account and so no sign-in
 * throttle), with `@fastify/rate-limit`'s store, keyed on the client address (IPv6 by /64). Only failed
 * lookups count: a participant voting at any human pace, or a crowd of them behind one address, is never
 * slowed, while an address that has sent `max` wrong tokens in the window is refused at once with
 * TT_ERR_RATE_LIMITED (429, retryAfterSeconds and Retry-After) before its next lookup, until the window
 * passes. Tokens are 256-bit random, so the limit is about noise and load, not about the odds.
 */
export async function installTokenGuessLimit(app: FastifyInstance, limit: TokenGuessLimit): Promise<void> {
  await app.register(rateLimit, { global: false });
  const guesses = app.createRateLimit({ max: limit.max, timeWindow: limit.windowMs });
  app.decorateRequest('tokenLookupFailed', false);
  app.addHook('onRequest', async (request) => {
    if (!guarded(request)) return;
    const status = await guesses(request, { increment: false });
    if (!status.isAllowed && status.remaining === 0) {
      throw new TrackTwoError('TT_ERR_RATE_LIMITED', { retryAfterSeconds: Math.max(1, status.ttlInSeconds) });
    }
  });
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof TrackTwoError && lookupFailures.has(error.code) && guarded(request))
      request.tokenLookupFailed = true;
  });
  app.addHook('onResponse', async (request) => {
    if (request.tokenLookupFailed) await guesses(request);
  });
}
