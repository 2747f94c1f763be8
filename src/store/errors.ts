import { TrackTwoError, type ErrorCode } from '../domain/errors.js';
import { violationOf } from './engine/index.js';

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

/**
 * A violation the engine reports (src/store/engine) as a coded error; any other error is returned
 * unchanged. The one mapping from engine errors to codes: the server's error handler uses it too.
 */
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
    case 'unstorable_text':
      return new TrackTwoError('TT_ERR_VALIDATION', {
        reason: `a text of the ${record} holds a character the database cannot store (NUL)`,
      });
  }
}

/** Runs a write and turns the engine's violations into coded errors. */
export async function mapStoreErrors<T>(work: () => Promise<T>, context: StoreErrorContext = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toTrackTwoError(error, context);
  }
}
