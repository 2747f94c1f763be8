import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Who is acting: an account (signed in by cookie or token), or the system itself. */
export interface AccountAuth {
  readonly accountId: string;
  readonly system?: undefined;
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

/** A transaction, or the database when one statement is all a function runs. */
export type Executor = Kysely<Database>;
