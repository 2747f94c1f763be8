import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { AuditLogTable } from '../tables/security.js';

export type AuditRow = Selectable<AuditLogTable>;

/**
 * Takes the next sequence number and returns it with the hash it must chain to. The UPDATE locks the head
 * row until the transaction ends (PostgreSQL row lock; SQLite's single writer), so appends never fork.
 */
export async function advanceAuditHead(db: Kysely<Database>): Promise<{ seq: number; prevHash: string }> {
  const row = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
  if (!row) throw new Error('audit_head is missing its row: the security migration did not run');
  return { seq: Number(row.seq), prevHash: row.hash };
}

export async function setAuditHeadHash(db: Kysely<Database>, hash: string, mac: string): Promise<void> {
  await db.updateTable('audit_head').set({ hash, mac }).where('id', '=', 1).execute();
}

export async function insertAuditRow(db: Kysely<Database>, row: AuditRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export async function readAuditHead(
  db: Kysely<Database>,
): Promise<{ seq: number; hash: string; mac: string | null } | undefined> {
  const row = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'mac'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash, mac: row.mac } : undefined;
}

/** Rows after `afterSeq`, in order, at most `limit` (the verifier walks the chain page by page). */
export async function auditRowsAfter(
  db: Kysely<Database>,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq), version: Number(row.version) }));
}

/** One row by its sequence number (a head digest names one). */
export async function auditRowAt(db: Kysely<Database>, seq: number): Promise<AuditRow | undefined> {
  const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
  return row ? { ...row, seq: Number(row.seq), version: Number(row.version) } : undefined;
}

export interface AuditFilter {
  workspaceId?: string;
  recordType?: string;
  recordId?: string;
  accountId?: string;
  beforeSeq?: number;
  limit: number;
}

/** The newest rows first, for the administrators' audit view. */
export async function listAuditRows(db: Kysely<Database>, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.workspaceId) query = query.where('workspace_id', '=', filter.workspaceId);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}
