import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import { requireOperator } from '../../security/access.js';
import { appendAudit, verifyAuditChain } from '../../security/audit.js';
import { openBackup, sealBackup, type BackupHeader } from '../../security/backup-envelope.js';
import { engineOf } from '../../store/engine/index.js';
import type { Database } from '../../store/schema.js';
import {
  isEmptyForRestore,
  readSnapshot,
  snapshotTables,
  writeSnapshot,
  type SnapshotRow,
  type SnapshotTable,
} from '../../store/snapshot.js';
import type { ServiceContext } from '../context.js';

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((row) => row.name);
}

export interface BackupMade {
  file: Buffer;
  header: BackupHeader;
  /** Rows per table. */
  counts: Record<string, number>;
}

/**
 * A consistent online copy of the whole database (one snapshot transaction while the server goes on
 * writing), as gzip'd JSON lines sealed under a key derived from the master key. It holds what the database
 * holds, so identities stay sealed inside it as they are at rest. The backup itself is audited afterwards.
 */
export async function createBackup(ctx: ServiceContext, now = new Date()): Promise<BackupMade> {
  // A backup holds every initiative of every workspace: no account's role reaches it, only the operator.
  requireOperator(ctx.auth);
  const engine = engineOf(ctx.db);
  // Every table is counted, empty ones too, so the operator sees what a backup carries.
  const counts: Record<string, number> = Object.fromEntries(snapshotTables.map(([table]) => [table, 0]));
  const lines: string[] = [];
  const migrations = await engine.snapshot(ctx.db, async (trx) => {
    await readSnapshot(trx, (table, rows) => {
      counts[table] += rows.length;
      lines.push(JSON.stringify({ table, rows }));
    });
    return appliedMigrations(trx);
  });
  const header = {
    format: 'tracktwo-backup',
    version: 1,
    created_at: now.toISOString(),
    engine: engine.name,
    migrations,
  } as const;
  const file = sealBackup(ctx.keys, header, gzipSync(Buffer.from(lines.join('\n'), 'utf8')));
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.keys, ctx.auth!, {
      action: 'backup.create',
      recordType: 'database',
      recordId: randomUUID(),
    }),
  );
  return { file, header: openBackup(ctx.keys, file).header, counts };
}

export interface BackupRestored {
  header: BackupHeader;
  counts: Record<string, number>;
  auditRows: number;
}

/**
 * Restores a backup into an empty, migrated database of either engine, in one transaction that commits only
 * when the restored audit chain verifies: a backup whose records or log were altered is refused whole.
 */
export async function restoreBackup(ctx: ServiceContext, file: Buffer): Promise<BackupRestored> {
  requireOperator(ctx.auth);
  const { header, payload } = openBackup(ctx.keys, file);
  const rows = parsePayload(payload);
  const here = await appliedMigrations(ctx.db);
  if (JSON.stringify(here) !== JSON.stringify(header.migrations)) {
    throw new TrackTwoError('TT_ERR_BACKUP_VERSION', {
      reason: `the backup has migrations up to ${header.migrations.at(-1) ?? 'none'}, this database ${here.at(-1) ?? 'none'}`,
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await isEmptyForRestore(trx))) throw new TrackTwoError('TT_ERR_RESTORE_TARGET_NOT_EMPTY');
    const counts = await writeSnapshot(trx, (table) => rows.get(table) ?? []);
    const verdict = await verifyAuditChain(trx, ctx.keys);
    if (!verdict.ok) {
      throw new TrackTwoError('TT_ERR_AUDIT_CHAIN_BROKEN', {
        reason: `the backup's audit log fails at row ${verdict.seq} (${verdict.problem}); nothing was restored`,
      });
    }
    await appendAudit(trx, ctx.keys, ctx.auth!, {
      action: 'backup.restore',
      recordType: 'database',
      recordId: randomUUID(),
    });
    return { header, counts, auditRows: verdict.rows };
  });
}

function parsePayload(payload: Buffer): Map<SnapshotTable, SnapshotRow[]> {
  const unreadable = (reason: string) => new TrackTwoError('TT_ERR_BACKUP_UNREADABLE', { reason });
  let text: string;
  try {
    text = gunzipSync(payload).toString('utf8');
  } catch {
    throw unreadable('its contents are not compressed as a backup is');
  }
  const known = new Set<string>(snapshotTables.map(([table]) => table));
  const rows = new Map<SnapshotTable, SnapshotRow[]>();
  for (const [index, line] of text.split('\n').entries()) {
    if (line === '') continue;
    let part: { table?: unknown; rows?: unknown };
    try {
      part = JSON.parse(line) as typeof part;
    } catch {
      throw unreadable(`line ${index + 1} is not JSON`);
    }
    if (typeof part.table !== 'string' || !known.has(part.table) || !Array.isArray(part.rows))
      throw unreadable(`line ${index + 1} names no table of this version`);
    const table = part.table as SnapshotTable;
    const list = rows.get(table) ?? [];
    for (const row of part.rows as SnapshotRow[]) list.push(row);
    rows.set(table, list);
  }
  return rows;
}
