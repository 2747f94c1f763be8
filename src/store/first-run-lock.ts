import { sql, SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The advisory-lock key of first-run setup (any constant bigint; "tt-setup" in ASCII). */
const FIRST_RUN_LOCK_KEY = 0x74742d7365747570n;

/**
 * Serialises first-run setup: call it first in the setup transaction, before looking whether an account
 * exists. PostgreSQL: a transaction-scoped advisory lock, so a second setup waits and then (read committed:
 * each statement sees what committed before it) finds the first administrator. SQLite: a write that
 * changes nothing takes the database's write lock at once, so a setup in another process waits (busy
 * timeout) instead of reading a stale "no account" and failing later on a busy snapshot; within one
 * process the single connection already runs transactions one after another.
 */
export async function lockFirstRun(trx: Kysely<Database>): Promise<void> {
  if (!trx.isTransaction) throw new Error('lockFirstRun must run inside the setup transaction');
  if (trx.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`update accounts set email = email where 0 = 1`.execute(trx);
  } else {
    await sql`select pg_advisory_xact_lock(${sql.lit(FIRST_RUN_LOCK_KEY.toString())}::bigint)`.execute(trx);
  }
}
