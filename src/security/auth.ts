import { TrackTwoError } from '../domain/errors.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Who is acting: an account (signed in by cookie or token), or the system itself. */
export interface AccountAuth {
  readonly accountId: string;
  readonly system?: undefined;
  /** Set when the account acts through an API token: what the token may do (sessions.ts, tokenScopes). */
  readonly token?: { readonly scopes: readonly string[] };
}

/**
 * The system: the demo loader, first start, and the operator at the command line (who holds the database
 * and the master key anyway). It passes every access check and is written to the audit log as account null.
 */
export interface SystemAuth {
  readonly system: true;
  /** Why the system acts (kept in memory only; the audit row has account null). */
  readonly reason: string;
  readonly accountId?: undefined;
}

export type Auth = AccountAuth | SystemAuth;

export function systemAuth(reason: string): SystemAuth {
  return { system: true, reason };
}

export function isSystem(auth: Auth | null | undefined): auth is SystemAuth {
  return auth?.system === true;
}

/**
 * Credentials (tokens, the password, second factors) are managed from a cookie session only: a token,
 * whatever its scopes, gets TT_ERR_FORBIDDEN, so a stolen token cannot mint more or take the account over.
 */
export function requireNotToken(auth: Auth | null | undefined): void {
  if (auth && !auth.system && auth.token) {
    throw new TrackTwoError('TT_ERR_FORBIDDEN', {
      reason: 'an API token cannot manage tokens, passwords or second factors: sign in to do this',
    });
  }
}

/** A transaction, or the database when one statement is all a function runs. */
export type Executor = Kysely<Database>;
