import { Kysely, PostgresAdapter, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.js';
import type { CreateDatabaseOptions, Engine, StoreHandle, Violation, ViolationKind } from './index.js';

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/**
 * pg hands bigint (counts, sums) and numeric back as strings to avoid precision loss; our counts and
 * amounts fit a double, and SQLite returns numbers, so both engines agree on numbers.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function open(connectionString: string, options: CreateDatabaseOptions): StoreHandle {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, types: pgTypes });
  // An idle client losing its server (restart, failover) emits 'error' on the pool; unhandled, that
  // would end the process. The next query reconnects or fails with its own error.
  pool.on('error', (error) => {
    process.stderr.write(
      `tracktwo: PostgreSQL connection lost (${error.message}); reconnecting on next use\n`,
    );
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** SQLSTATE codes (PostgreSQL appendix A). */
const kinds: Record<string, ViolationKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
  '40001': 'serialization',
  '40P01': 'serialization',
  // character_not_in_repertoire: `invalid byte sequence for encoding "UTF8": 0x00`. JavaScript strings
  // always encode to valid UTF-8, so in practice this is a NUL character, which text columns refuse.
  '22021': 'unstorable_text',
};

/** The first-run lock's advisory-lock key (any constant bigint; "tt-setup" in ASCII). */
const FIRST_RUN_LOCK_KEY = 0x74742d7365747570n;

function violationOf(error: unknown): Violation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, constraint } = error as { code?: unknown; message?: unknown; constraint?: unknown };
  const kind = typeof code === 'string' ? kinds[code] : undefined;
  if (!kind) return undefined;
  const text = typeof message === 'string' ? message : '';
  return {
    kind,
    ...(typeof constraint === 'string' ? { constraint } : {}),
    ...(kind === 'foreign_key' ? { stillReferenced: text.startsWith('update or delete on table') } : {}),
  };
}

export const postgresEngine: Engine = {
  name: 'postgres',
  runs: (db) => db.getExecutor().adapter instanceof PostgresAdapter,
  open: (location, options) => {
    if (location.dialect !== 'postgres') throw new Error('the PostgreSQL engine opens postgres:// URLs only');
    return open(location.connectionString, options);
  },
  violationOf,
  /**
   * A transaction-scoped advisory lock: a second setup waits and then (read committed: each statement
   * sees what committed before it) finds the first administrator.
   */
  async lockFirstRun(trx) {
    await sql`select pg_advisory_xact_lock(${sql.lit(FIRST_RUN_LOCK_KEY.toString())}::bigint)`.execute(trx);
  },
  /** Deleted tuples stay in their pages until a vacuum; `purgeDeletedRows` rewrites the tables. */
  async zeroFreedSpace() {},
  /** VACUUM FULL writes fresh table files without the dead tuples and removes the old ones. */
  async purgeDeletedRows(db, tables) {
    if (tables.length === 0) return;
    await sql`VACUUM FULL ${sql.join(tables.map((table) => sql.table(table)))}`.execute(db);
  },
  /** Repeatable read: every statement of the transaction sees the snapshot taken at its first. */
  snapshot(db, work) {
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`SET TRANSACTION READ ONLY`.execute(trx);
        return work(trx);
      });
  },
};
