import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { TrackTwoError } from '../domain/errors.js';
import { DATABASE_URL_VARIABLE, parseDatabaseUrl, type DialectName } from './database-url.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { stopWalCheckpointer } from './wal-checkpointer.js';

export type { DialectName } from './database-url.js';

export interface StoreHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

const sqliteConnections = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The better-sqlite3 connection under a SQLite store (undefined on PostgreSQL), for a hot path that keeps
 * its prepared statements (Kysely compiles and prepares every query anew). Use it only inside
 * `db.connection().execute(...)`: holding Kysely's one connection guarantees no Kysely transaction is
 * open on it meanwhile.
 */
export function sqliteConnectionOf(db: Kysely<Database>): SQLite.Database | undefined {
  return sqliteConnections.get(db);
}

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

export interface CreateDatabaseOptions {
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
}

/**
 * Opens the store named by `url` (default: `TRACKTWO_DATABASE_URL`, then `sqlite:./data/tracktwo.db`).
 * SQLite runs in WAL mode with foreign keys on and a busy timeout, so a second process waits rather
 * than failing at once.
 */
export function createDatabase(
  url: string | undefined = process.env[DATABASE_URL_VARIABLE],
  options: CreateDatabaseOptions = {},
): StoreHandle {
  const location = parseDatabaseUrl(url);
  if (location.dialect === 'sqlite') {
    const memory = location.path === ':memory:';
    if (!memory) mkdirSync(dirname(resolve(location.path)), { recursive: true });
    let database: SQLite.Database;
    try {
      database = new SQLite(location.path);
    } catch (error) {
      throw new TrackTwoError('TT_ERR_CONFIGURATION', {
        field: DATABASE_URL_VARIABLE,
        reason: `the SQLite file cannot be opened: ${(error as Error).message}`,
      });
    }
    if (!memory) database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // WAL makes NORMAL durable against application crashes; only a power cut may lose the last commits.
    database.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    sqliteConnections.set(db, database);
    const close = async () => {
      await stopWalCheckpointer(database);
      await db.destroy();
    };
    return { db, dialect: 'sqlite', close };
  }
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: options.poolSize ?? 10,
    types: pgTypes,
  });
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

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws the first failure (nothing half-applied stays on PostgreSQL). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
