import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TrackTwoError } from '../domain/errors.js';
import {
  advanceAuditHead,
  auditRowsAfter,
  insertAuditRow,
  readAuditHead,
  setAuditHeadHash,
  type AuditRow,
} from '../store/repositories/audit-log.js';
import { AUDIT_GENESIS_HASH } from '../store/migrations/0002_security.js';
import type { Database } from '../store/schema.js';
import type { Auth } from './auth.js';
import { canonicalJson } from './canonical-json.js';

export { AUDIT_GENESIS_HASH };

/** What a write records: never names or other sensitive values, only ids. */
export interface AuditEntry {
  /** `<record>.<verb>`, e.g. `actor.create`, `membership.grant`. */
  action: string;
  recordType: string;
  recordId: string;
  /** The workspace the record belongs to, so a workspace's administrators can read its part of the log. */
  workspaceId?: string | null;
}

const ACTION = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const RECORD_TYPE = /^[a-z][a-z_]*$/;
// Ids, or a few ids joined: never free text (a name in the log could not be erased).
const RECORD_ID = /^[A-Za-z0-9_.:/-]{1,200}$/;

/** The fields a row's hash covers, in the row's own column names. */
function hashedFields(row: Omit<AuditRow, 'prev_hash' | 'hash'>) {
  return {
    seq: row.seq,
    at: row.at,
    account_id: row.account_id,
    workspace_id: row.workspace_id,
    action: row.action,
    record_type: row.record_type,
    record_id: row.record_id,
  };
}

/** `sha256(prev_hash + canonical JSON of the row)`, hex. */
export function auditRowHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson(hashedFields(row)), 'utf8')
    .digest('hex');
}

/**
 * Appends one row to the audit chain inside the caller's transaction, so the row exists exactly when the
 * write does. Taking the head row's lock first serialises concurrent appends: the chain never forks.
 */
export async function appendAudit(
  trx: Kysely<Database>,
  auth: Auth,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<AuditRow> {
  if (!trx.isTransaction)
    throw new Error('appendAudit must run inside the transaction of the write it records');
  if (!ACTION.test(entry.action) || !RECORD_TYPE.test(entry.recordType) || !RECORD_ID.test(entry.recordId)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'audit',
      reason: `action "${entry.action}", record type "${entry.recordType}" or id is not of the audit's shape`,
    });
  }
  const { seq, prevHash } = await advanceAuditHead(trx);
  const fields = {
    seq,
    at: now.toISOString(),
    account_id: auth.system ? null : auth.accountId,
    workspace_id: entry.workspaceId ?? null,
    action: entry.action,
    record_type: entry.recordType,
    record_id: entry.recordId,
  };
  const row: AuditRow = { ...fields, prev_hash: prevHash, hash: auditRowHash(prevHash, fields) };
  await insertAuditRow(trx, row);
  await setAuditHeadHash(trx, row.hash);
  return row;
}

/**
 * `unchained`: a row does not follow the one before it and the cause cannot be told apart (a row before it
 * was deleted and the rest renumbered, or it was forged in place).
 */
export type AuditProblem = 'edited' | 'inserted' | 'deleted' | 'unchained' | 'truncated' | 'head_missing';

export type AuditVerdict =
  | { ok: true; rows: number; head: { seq: number; hash: string } }
  | { ok: false; rows: number; seq: number; problem: AuditProblem; message: string };

/**
 * Walks the chain from the first row and reports the first break: a row whose content no longer matches
 * its hash (edited), a row that does not chain to the one before it (inserted, or one before it replaced),
 * a gap in the sequence (deleted), or rows missing after the last one (the head row remembers the tail).
 * `rows` counts the rows found intact before the break.
 */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 2_000): Promise<AuditVerdict> {
  const head = await readAuditHead(db);
  if (!head) {
    return { ok: false, rows: 0, seq: 0, problem: 'head_missing', message: 'the audit head row is missing' };
  }
  let previous = { seq: 0, hash: AUDIT_GENESIS_HASH };
  let beforePrevious: string | undefined;
  let intact = 0;
  for (;;) {
    const page = await auditRowsAfter(db, previous.seq, pageSize);
    for (const row of page) {
      const broken = (seq: number, problem: AuditProblem, message: string): AuditVerdict => ({
        ok: false,
        rows: intact,
        seq,
        problem,
        message,
      });
      const expectedSeq = previous.seq + 1;
      if (row.seq > head.seq) {
        return broken(row.seq, 'inserted', `row ${row.seq} lies beyond the recorded head (row ${head.seq})`);
      }
      if (row.seq !== expectedSeq) {
        const missing =
          row.seq - 1 === expectedSeq ? `row ${expectedSeq}` : `rows ${expectedSeq}-${row.seq - 1}`;
        return broken(expectedSeq, 'deleted', `${missing} deleted (the sequence jumps to ${row.seq})`);
      }
      const recomputed = auditRowHash(row.prev_hash, row);
      if (row.prev_hash !== previous.hash) {
        if (auditRowHash(previous.hash, row) === row.hash) {
          return broken(row.seq, 'edited', `row ${row.seq} was edited (its prev_hash was changed)`);
        }
        if (row.prev_hash === beforePrevious) {
          // The row chains to the one two back: the row between was slipped in (the rest renumbered).
          return {
            ...broken(previous.seq, 'inserted', `row ${previous.seq} was inserted`),
            rows: intact - 1,
          };
        }
        return broken(
          row.seq,
          'unchained',
          `row ${row.seq} does not chain to row ${previous.seq}: a row before it was deleted or replaced, or it was forged`,
        );
      }
      if (recomputed !== row.hash) {
        return broken(
          row.seq,
          'edited',
          `row ${row.seq} was edited (its content no longer matches its hash)`,
        );
      }
      beforePrevious = previous.hash;
      previous = { seq: row.seq, hash: row.hash };
      intact += 1;
    }
    if (page.length < pageSize) break;
  }
  if (previous.seq < head.seq) {
    const missing =
      head.seq === previous.seq + 1 ? `row ${head.seq}` : `rows ${previous.seq + 1}-${head.seq}`;
    return {
      ok: false,
      rows: intact,
      seq: previous.seq + 1,
      problem: 'truncated',
      message: `${missing} deleted from the end of the log`,
    };
  }
  if (previous.hash !== head.hash) {
    return {
      ok: false,
      rows: intact - 1,
      seq: previous.seq,
      problem: 'edited',
      message: `row ${previous.seq} was replaced (its hash differs from the recorded head)`,
    };
  }
  return { ok: true, rows: intact, head };
}
