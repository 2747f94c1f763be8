import { TrackTwoError, type ErrorCode } from '../domain/errors.js';

/** What a constraint violation means, whichever engine raised it. */
export type ViolationKind = 'unique' | 'foreign_key' | 'check' | 'not_null' | 'serialization';

export interface Violation {
  kind: ViolationKind;
  /** Constraint name (PostgreSQL) or `table.column` list (SQLite); never the offending values. */
  constraint?: string;
  /** On PostgreSQL, whether a delete/update was refused because rows still refer to the record. */
  stillReferenced?: boolean;
}

const sqliteKinds: Record<string, ViolationKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_BUSY: 'serialization',
};

const postgresKinds: Record<string, ViolationKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
  '40001': 'serialization',
  '40P01': 'serialization',
};

/** Reads a constraint violation out of a better-sqlite3 or pg error; undefined for anything else. */
export function violationOf(error: unknown): Violation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, constraint } = error as { code?: unknown; message?: unknown; constraint?: unknown };
  if (typeof code !== 'string') return undefined;
  const text = typeof message === 'string' ? message : '';
  const sqliteKind = sqliteKinds[code];
  if (sqliteKind) {
    const columns = /constraint failed: (.+)$/.exec(text)?.[1];
    return { kind: sqliteKind, ...(columns ? { constraint: columns } : {}) };
  }
  const postgresKind = postgresKinds[code];
  if (postgresKind) {
    return {
      kind: postgresKind,
      ...(typeof constraint === 'string' ? { constraint } : {}),
      ...(postgresKind === 'foreign_key'
        ? { stillReferenced: text.startsWith('update or delete on table') }
        : {}),
    };
  }
  return undefined;
}

export interface StoreErrorContext {
  /** The record being written, named in the error (e.g. `actor`). */
  record?: string;
  /**
   * The code for a foreign-key failure. Writes default to TT_ERR_VALIDATION (the input names a record
   * that does not exist); deletes pass TT_ERR_CONFLICT (other records still refer to this one), since
   * SQLite does not say which of the two happened.
   */
  foreignKey?: ErrorCode;
}

/** A constraint violation as a coded error; any other error is returned unchanged. */
export function toTrackTwoError(error: unknown, context: StoreErrorContext = {}): unknown {
  if (error instanceof TrackTwoError) return error;
  const violation = violationOf(error);
  if (!violation) return error;
  const where = violation.constraint ? ` (${violation.constraint})` : '';
  const record = context.record ?? 'record';
  switch (violation.kind) {
    case 'unique':
      return new TrackTwoError('TT_ERR_CONFLICT', {
        reason: `this ${record} already exists${where}`,
        constraint: violation.constraint,
      });
    case 'foreign_key': {
      const code = violation.stillReferenced
        ? 'TT_ERR_CONFLICT'
        : (context.foreignKey ?? 'TT_ERR_VALIDATION');
      const reason =
        code === 'TT_ERR_CONFLICT'
          ? `other records still refer to this ${record}: remove them first`
          : `the ${record} refers to a record that does not exist`;
      return new TrackTwoError(code, { reason, constraint: violation.constraint });
    }
    case 'check':
    case 'not_null':
      return new TrackTwoError('TT_ERR_VALIDATION', {
        reason: `a value of the ${record} is out of range or missing${where}`,
        constraint: violation.constraint,
      });
    case 'serialization':
      return new TrackTwoError('TT_ERR_CONFLICT', { reason: 'a concurrent change got in the way: retry' });
  }
}

/** Runs a write and turns constraint violations of either engine into coded errors. */
export async function mapStoreErrors<T>(work: () => Promise<T>, context: StoreErrorContext = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toTrackTwoError(error, context);
  }
}
