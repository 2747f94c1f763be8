import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteAdapter, SqliteDialect } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import { DATABASE_URL_VARIABLE } from '../database-url.js';
import type { Database } from '../schema.js';
import type { Engine, StoreHandle, Violation, ViolationKind } from './index.js';
import { stopWalCheckpointer } from './sqlite-wal-checkpointer.js';

const connections = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The better-sqlite3 connection under a SQLite store (undefined on PostgreSQL), for a hot path that keeps
 * its prepared statements (Kysely compiles and prepares every query anew). Use it only inside
 * `db.connection().execute(...)`: holding Kysely's one connection guarantees no Kysely transaction is
 * open on it meanwhile.
 */
export function sqliteConnectionOf(db: Kysely<Database>): SQLite.Database | undefined {
  return connections.get(db);
}

/**
 * The database holds pseudonyms, attendance and hashes: like master.key, only its owner may read it. The
 * file is made 0600 before SQLite opens it (whatever the umask), and an existing one is narrowed to 0600.
 */
function restrictToOwner(path: string): void {
  if (existsSync(path)) chmodSync(path, 0o600);
  else closeSync(openSync(path, 'a', 0o600));
}

/**
 * A file in WAL mode with foreign keys on and a busy timeout, so a second process waits rather than
 * failing at once.
 */
function open(path: string): StoreHandle {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  let database: SQLite.Database;
  try {
    if (!memory) restrictToOwner(path);
    database = new SQLite(path);
  } catch (error) {
    throw new TrackTwoError('TT_ERR_CONFIGURATION', {
      field: DATABASE_URL_VARIABLE,
      reason: `the SQLite file cannot be opened: ${(error as Error).message}`,
    });
  }
  if (!memory) database.pragma('journal_mode = WAL');
  // SQLite gives -wal and -shm the main file's mode; files left by an older version are narrowed too.
  if (!memory)
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) chmodSync(path + suffix, 0o600);
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // WAL makes NORMAL durable against application crashes; only a power cut may lose the last commits.
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  connections.set(db, database);
  const close = async () => {
    await stopWalCheckpointer(database);
    await db.destroy();
  };
  return { db, dialect: 'sqlite', close };
}

const kinds: Record<string, ViolationKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_BUSY: 'serialization',
};

function violationOf(error: unknown): Violation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const kind = typeof code === 'string' ? kinds[code] : undefined;
  if (!kind) return undefined;
  // SQLite names the columns, not the constraint, and never says whether a write or a delete broke a
  // foreign key: callers say which they ran (StoreErrorContext.foreignKey).
  const columns = /constraint failed: (.+)$/.exec(typeof message === 'string' ? message : '')?.[1];
  return { kind, ...(columns ? { constraint: columns } : {}) };
}

export const sqliteEngine: Engine = {
  name: 'sqlite',
  runs: (db) => db.getExecutor().adapter instanceof SqliteAdapter,
  open: (location) => {
    if (location.dialect !== 'sqlite') throw new Error('the SQLite engine opens sqlite: locations only');
    return open(location.path);
  },
  violationOf,
  /**
   * A write that changes nothing takes the database's write lock at once, so a setup in another process
   * waits (busy timeout) instead of reading a stale "no account" and failing later on a busy snapshot;
   * within one process the single connection already runs transactions one after another.
   */
  async lockFirstRun(trx) {
    await sql`update accounts set email = email where 0 = 1`.execute(trx);
  },
  /**
   * SQLite keeps deleted and moved cells in free space unless secure delete is on. A connection setting,
   * turned on before every write that must not leave a stale copy behind.
   */
  async zeroFreedSpace(trx) {
    await sql`PRAGMA secure_delete = ON`.execute(trx);
  },
  /** Secure delete zeroed the pages in the database file; their old images still sit in the WAL. */
  async purgeDeletedRows(db) {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  },
  /** In WAL mode a read transaction keeps the snapshot of its first read; writers of other connections go on. */
  snapshot(db, work) {
    return db.transaction().execute(work);
  },
};
