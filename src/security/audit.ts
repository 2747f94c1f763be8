import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TrackTwoError } from '../domain/errors.js';
import {
  advanceAuditHead,
  auditRowsAfter,
  insertAuditRow,
  readAuditHead,
  auditRowAt,
  setAuditHeadHash,
  type AuditRow,
} from '../store/repositories/audit-log.js';
import { AUDIT_GENESIS_HASH } from '../store/migrations/0002_security.js';
import type { Database } from '../store/schema.js';
import type { Auth } from './auth.js';
import { canonicalJson } from './canonical-json.js';
import type { VaultKeys } from './vault.js';

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

/** Rows written before the chain was keyed: `sha256(prev_hash + canonical JSON)`. */
export const AUDIT_UNKEYED = 1;
/** Rows since: HMAC-SHA-256 under a key derived from the master key, so only the key holder can chain. */
export const AUDIT_KEYED = 2;

type HashedRow = Omit<AuditRow, 'prev_hash' | 'hash' | 'version'>;

// Derived once per VaultKeys: every append needs it.
const auditKeys = new WeakMap<VaultKeys, Buffer>();

/** The audit chain's MAC key: `deriveKey('tracktwo/audit/v1')` of the master key. */
export function auditKeyOf(keys: VaultKeys): Buffer {
  let key = auditKeys.get(keys);
  if (!key) {
    key = keys.deriveKey('tracktwo/audit/v1');
    auditKeys.set(keys, key);
  }
  return key;
}

/** The fields a row's hash covers, in the row's own column names. */
function hashedFields(row: HashedRow) {
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

/** Version 1: `sha256(prev_hash + canonical JSON of the row)`, hex. */
export function auditRowHash(prevHash: string, row: HashedRow): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson(hashedFields(row)), 'utf8')
    .digest('hex');
}

/** Version 2: `HMAC-SHA-256(audit key, prev_hash + canonical JSON of the row)`, hex. */
export function auditRowMac(key: Buffer, prevHash: string, row: HashedRow): string {
  return createHmac('sha256', key)
    .update(prevHash + canonicalJson(hashedFields(row)), 'utf8')
    .digest('hex');
}

function rowHashOf(key: Buffer, version: number, prevHash: string, row: HashedRow): string | undefined {
  if (version === AUDIT_UNKEYED) return auditRowHash(prevHash, row);
  if (version === AUDIT_KEYED) return auditRowMac(key, prevHash, row);
  return undefined;
}

/** The head row's MAC: the head cannot be moved back (tail dropped) without the key. */
function headMac(key: Buffer, head: { seq: number; hash: string }): string {
  return createHmac('sha256', key)
    .update(`tracktwo/audit-head/${head.seq}/${head.hash}`, 'utf8')
    .digest('hex');
}

/**
 * What an operator writes down or sends elsewhere: `<seq>:<16 hex>`, a MAC of the head at that moment.
 * A later `verify --head` fails when the chain no longer holds that row unchanged (tail dropped, rewritten).
 */
export function auditHeadDigest(key: Buffer, head: { seq: number; hash: string }): string {
  const mac = createHmac('sha256', key).update(`tracktwo/audit-digest/${head.seq}/${head.hash}`, 'utf8');
  return `${head.seq}:${mac.digest('hex').slice(0, 16)}`;
}

const HEAD_DIGEST = /^([1-9][0-9]{0,15}):([0-9a-f]{16})$/;

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Appends one row to the audit chain inside the caller's transaction, so the row exists exactly when the
 * write does. Taking the head row's lock first serialises concurrent appends: the chain never forks.
 */
export async function appendAudit(
  trx: Kysely<Database>,
  keys: VaultKeys,
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
  const key = auditKeyOf(keys);
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
  const row: AuditRow = {
    ...fields,
    prev_hash: prevHash,
    hash: auditRowMac(key, prevHash, fields),
    version: AUDIT_KEYED,
  };
  await insertAuditRow(trx, row);
  await setAuditHeadHash(trx, row.hash, headMac(key, { seq, hash: row.hash }));
  return row;
}

/**
 * `unchained`: a row does not follow the one before it and the cause cannot be told apart (a row before it
 * was deleted and the rest renumbered, or it was forged in place). `head_forged`: the head row's MAC fails
 * (the tail was dropped and the head moved back, or the last row rewritten, without the key).
 * `head_unknown`: the chain no longer holds the head digest an operator wrote down.
 */
export type AuditProblem =
  | 'edited'
  | 'inserted'
  | 'deleted'
  | 'unchained'
  | 'truncated'
  | 'head_missing'
  | 'head_forged'
  | 'head_unknown';

export type AuditVerdict =
  | { ok: true; rows: number; unkeyed_rows: number; head: { seq: number; hash: string } }
  | { ok: false; rows: number; seq: number; problem: AuditProblem; message: string };

export interface VerifyOptions {
  pageSize?: number;
  /** A digest from `auditHeadDigest` taken earlier: the chain must still hold that row unchanged. */
  head?: string;
}

const WRONG_KEY_HINT = " (or the master key given is not this database's)";

/**
 * Walks the chain from the first row and reports the first break: a row whose content no longer matches
 * its hash (edited), a row that does not chain to the one before it (inserted, or one before it replaced),
 * a gap in the sequence (deleted), or rows missing after the last one (the head row remembers the tail,
 * under a MAC). Unkeyed rows (version 1) are accepted only before the first keyed one: a keyed row written
 * back unkeyed is an edit. `rows` counts the rows found intact before the break.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  keys: VaultKeys,
  options: VerifyOptions = {},
): Promise<AuditVerdict> {
  const pageSize = options.pageSize ?? 2_000;
  const expected =
    options.head === undefined ? undefined : HEAD_DIGEST.exec(options.head.trim().toLowerCase());
  if (options.head !== undefined && !expected) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'head',
      reason: 'a head digest looks like 1234:0123456789abcdef (from `tracktwo audit head`)',
    });
  }
  const key = auditKeyOf(keys);
  const head = await readAuditHead(db);
  if (!head) {
    return { ok: false, rows: 0, seq: 0, problem: 'head_missing', message: 'the audit head row is missing' };
  }
  let previous = { seq: 0, hash: AUDIT_GENESIS_HASH };
  let beforePrevious: string | undefined;
  let intact = 0;
  let unkeyed = 0;
  let keyedSeen = false;
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
      if (row.version === AUDIT_UNKEYED && keyedSeen) {
        return broken(row.seq, 'edited', `row ${row.seq} was rewritten unkeyed after the chain was keyed`);
      }
      const recomputed = rowHashOf(key, row.version, row.prev_hash, row);
      if (recomputed === undefined) {
        return broken(row.seq, 'edited', `row ${row.seq} has an unknown version ${row.version}`);
      }
      if (row.prev_hash !== previous.hash) {
        if (rowHashOf(key, row.version, previous.hash, row) === row.hash) {
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
      if (!sameHex(recomputed, row.hash)) {
        return broken(
          row.seq,
          'edited',
          `row ${row.seq} was edited (its content no longer matches its hash)` +
            (row.version === AUDIT_KEYED ? WRONG_KEY_HINT : ''),
        );
      }
      if (row.version === AUDIT_KEYED) keyedSeen = true;
      else unkeyed += 1;
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
  // Without a head MAC, a chain wholly rewritten unkeyed (version 1) could not be told from a database
  // upgraded but not yet written to: both are refused, the second until its next write seals the head.
  if (head.seq > 0 && head.mac === null) {
    return {
      ok: false,
      rows: intact,
      seq: head.seq,
      problem: 'head_forged',
      message:
        `the head (row ${head.seq}) carries no MAC: either nothing was written since the chain was keyed ` +
        `(sign in once and verify again) or the chain was rewritten unkeyed`,
    };
  }
  if (head.mac !== null && !sameHex(head.mac, headMac(key, head))) {
    return {
      ok: false,
      rows: intact,
      seq: head.seq,
      problem: 'head_forged',
      message:
        `the head (row ${head.seq}) was rewritten without the audit key: rows were dropped from the end ` +
        `or the last row replaced` +
        WRONG_KEY_HINT,
    };
  }
  if (expected) {
    const seq = Number(expected[1]);
    const row = seq <= head.seq ? await auditRowAt(db, seq) : undefined;
    if (!row || !sameHex(auditHeadDigest(key, row), `${seq}:${expected[2]}`)) {
      return {
        ok: false,
        rows: intact,
        seq,
        problem: 'head_unknown',
        message:
          `the chain no longer holds the head ${seq}:${expected[2]} written down: ` +
          (row ? `row ${seq} was rewritten` : `rows from ${Math.min(seq, head.seq + 1)} on were dropped`) +
          WRONG_KEY_HINT,
      };
    }
  }
  return { ok: true, rows: intact, unkeyed_rows: unkeyed, head: { seq: head.seq, hash: head.hash } };
}

/** The current head and its digest, for the operator to keep outside the database. */
export async function currentAuditHead(
  db: Kysely<Database>,
  keys: VaultKeys,
): Promise<{ seq: number; hash: string; digest: string }> {
  const head = await readAuditHead(db);
  if (!head)
    throw new TrackTwoError('TT_ERR_AUDIT_CHAIN_BROKEN', { reason: 'the audit head row is missing' });
  return { seq: head.seq, hash: head.hash, digest: auditHeadDigest(auditKeyOf(keys), head) };
}
