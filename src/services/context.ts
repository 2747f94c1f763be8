import type { Kysely } from 'kysely';
import type { Auth } from '../security/auth.js';
import type { VaultKeys } from '../security/vault.js';
import type { Database } from '../store/schema.js';

/**
 * What every use case receives: the database, its engine, the vault's keys, and who is acting. Routes
 * build one per request from the session or token; CLI commands build one for the operator or a token.
 */
export interface ServiceContext {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  keys: VaultKeys;
  /** Null when nobody signed in: every service then refuses with TT_ERR_UNAUTHENTICATED. */
  auth: Auth | null;
}

/** The transaction of one use case: its access check, its writes and its audit row commit or fail together. */
export function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(work);
}

/** The same context acting as someone else (the CLI's operator, a token's account). */
export function actingAs(ctx: ServiceContext, auth: Auth | null): ServiceContext {
  return { ...ctx, auth };
}
