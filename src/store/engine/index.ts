import type { Kysely } from 'kysely';
import type { DatabaseLocation, DialectName } from '../database-url.js';
import type { Database } from '../schema.js';
import { postgresEngine } from './postgres.js';
import { sqliteEngine } from './sqlite.js';

export type { DialectName } from '../database-url.js';

/** What a driver error means, whichever engine raised it. */
export type ViolationKind =
  | 'unique'
  | 'foreign_key'
  | 'check'
  | 'not_null'
  | 'serialization'
  /** A text value the engine cannot store (PostgreSQL refuses NUL in text; SQLite stores it). */
  | 'unstorable_text';

export interface Violation {
  kind: ViolationKind;
  /** Constraint name (PostgreSQL) or `table.column` list (SQLite); never the offending values. */
  constraint?: string;
  /** On PostgreSQL, whether a delete/update was refused because rows still refer to the record. */
  stillReferenced?: boolean;
}

export interface StoreHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
}

/**
 * Everything that differs between SQLite and PostgreSQL, in the manner of Kysely's `DialectAdapter`:
 * code outside src/store/engine asks the engine of its database instead of branching on the dialect.
 */
export interface Engine {
  readonly name: DialectName;
  /** Whether `db` (a database or one of its transactions) runs on this engine. */
  runs(db: Kysely<Database>): boolean;
  open(location: DatabaseLocation, options: CreateDatabaseOptions): StoreHandle;
  /** Reads a violation out of this engine's driver error; undefined for any other error. */
  violationOf(error: unknown): Violation | undefined;
  /** Makes concurrent first-run setups take turns; see `lockFirstRun`. */
  lockFirstRun(trx: Kysely<Database>): Promise<void>;
  /** Makes the rows the transaction deletes leave no readable copy in the file's free space. */
  zeroFreedSpace(trx: Kysely<Database>): Promise<void>;
  /** After deletes have committed: drops the old copies of `tables`' deleted rows the engine still keeps. */
  purgeDeletedRows(db: Kysely<Database>, tables: readonly (keyof Database & string)[]): Promise<void>;
  /**
   * Runs `work` in one read-only transaction that sees the database as it was when it began, while other
   * connections go on writing (an online backup).
   */
  snapshot<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
}

const engines: readonly Engine[] = [sqliteEngine, postgresEngine];

export function engineNamed(name: DialectName): Engine {
  return name === 'sqlite' ? sqliteEngine : postgresEngine;
}

/** The engine behind a database or transaction. */
export function engineOf(db: Kysely<Database>): Engine {
  const engine = engines.find((candidate) => candidate.runs(db));
  if (!engine) throw new Error('the database runs on neither SQLite nor PostgreSQL');
  return engine;
}

/**
 * Reads a violation out of a better-sqlite3 or pg error; undefined for anything else. The drivers' codes
 * do not overlap (SQLITE_* against SQLSTATE), so the error alone tells which engine raised it.
 */
export function violationOf(error: unknown): Violation | undefined {
  for (const engine of engines) {
    const violation = engine.violationOf(error);
    if (violation) return violation;
  }
  return undefined;
}

/**
 * Serialises first-run setup: call it first in the setup transaction, before looking whether an account
 * exists, so a second setup waits and then finds the first administrator instead of a stale "no account".
 */
export async function lockFirstRun(trx: Kysely<Database>): Promise<void> {
  if (!trx.isTransaction) throw new Error('lockFirstRun must run inside the setup transaction');
  await engineOf(trx).lockFirstRun(trx);
}
