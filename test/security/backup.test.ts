import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../src/domain/demo/index.js';
import { systemAuth } from '../../src/security/auth.js';
import { openBackup, sealBackup } from '../../src/security/backup-envelope.js';
import { createVaultKeys, type VaultKeys } from '../../src/security/vault.js';
import { createBackup, restoreBackup } from '../../src/services/backup/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { engineOf } from '../../src/store/engine/index.js';
import type { Database } from '../../src/store/schema.js';
import { snapshotTables, tablesNotInSnapshots } from '../../src/store/snapshot.js';
import { enginesToRun, listTables, openTestDatabase, type TestDatabase } from '../support/databases.js';

const operator = (db: Kysely<Database>, keys: VaultKeys): ServiceContext => ({
  db,
  dialect: engineOf(db).name,
  keys,
  auth: systemAuth('backup test'),
});

async function tableRows(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of snapshotTables) {
    const order = sql.join(key.map((column) => sql.ref(column)));
    out[table] = (await sql`select * from ${sql.table(table)} order by ${order}`.execute(db)).rows;
  }
  return out;
}

const engines = enginesToRun();
const pairs = engines.flatMap((from) => engines.map((to) => [from, to] as const));

describe.each(pairs)('backup of the demo from %s, restored onto %s', (from, to) => {
  const keys = createVaultKeys(randomBytes(32));
  let source: TestDatabase;
  let target: TestDatabase;
  let file: Buffer;

  beforeAll(async () => {
    source = await openTestDatabase(from);
    target = await openTestDatabase(to);
    await loadDemoWorkspace(source.store.db, keys);
    file = (await createBackup(operator(source.store.db, keys))).file;
  });
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
  });

  it('restores to an equal database whose audit chain verifies, and the restore is audited', async () => {
    const before = await tableRows(source.store.db);
    const restored = await restoreBackup(operator(target.store.db, keys), file);
    expect(restored.header.engine).toBe(from);
    const after = await tableRows(target.store.db);
    // The source gained its backup.create row after the snapshot; the target its backup.restore row.
    expect((after.audit_log as { action: string }[]).at(-1)?.action).toBe('backup.restore');
    expect({ ...after, audit_log: after.audit_log.slice(0, -1), audit_head: [] }).toEqual({
      ...before,
      audit_log: before.audit_log.slice(0, restored.auditRows),
      audit_head: [],
    });
    expect(restored.counts.actors).toBeGreaterThan(100);
    expect(restored.counts.dialogue_votes).toBeGreaterThan(100);
  });

  it('holds no plaintext name, e-mail or statement (grep of the file)', () => {
    const demo = generateDemoWorkspace();
    const names = demo.identities!.flatMap((identity) => identity.names);
    expect(names.length).toBeGreaterThan(100);
    const has = (text: string) => file.includes(Buffer.from(text, 'utf8'));
    expect(names.filter(has)).toEqual([]);
    expect(has(demo.conflicts[0].name)).toBe(false);
  });

  it('refuses a target that already holds records, and changes nothing in it', async () => {
    const before = await tableRows(target.store.db);
    await expect(restoreBackup(operator(target.store.db, keys), file)).rejects.toMatchObject({
      code: 'TT_ERR_RESTORE_TARGET_NOT_EMPTY',
    });
    expect(await tableRows(target.store.db)).toEqual(before);
  });
});

describe.each(engines)('restoring a bad backup on %s is refused whole', (dialect) => {
  const keys = createVaultKeys(randomBytes(32));
  let source: TestDatabase;
  let file: Buffer;
  beforeAll(async () => {
    source = await openTestDatabase(dialect);
    await loadDemoWorkspace(source.store.db, keys);
    file = (await createBackup(operator(source.store.db, keys))).file;
  });
  afterAll(() => source?.dispose());

  async function refused(bad: Buffer, withKeys: VaultKeys, code: string) {
    const target = await openTestDatabase(dialect);
    try {
      await expect(restoreBackup(operator(target.store.db, withKeys), bad)).rejects.toMatchObject({ code });
      const counts = await sql<{ n: number }>`select count(*) as n from actors`.execute(target.store.db);
      expect(Number(counts.rows[0].n)).toBe(0);
    } finally {
      await target.dispose();
    }
  }

  it('a flipped byte, a cut-off tail, another master key, or not a backup at all', async () => {
    const flipped = Buffer.from(file);
    flipped[flipped.length - 40] ^= 1;
    await refused(flipped, keys, 'TT_ERR_BACKUP_UNREADABLE');
    await refused(file.subarray(0, file.length - 1000), keys, 'TT_ERR_BACKUP_UNREADABLE');
    await refused(file, createVaultKeys(randomBytes(32)), 'TT_ERR_BACKUP_UNREADABLE');
    await refused(Buffer.from('hello'), keys, 'TT_ERR_BACKUP_UNREADABLE');
  });

  it('a backup whose audit log was rewritten by someone holding the key', async () => {
    const { header, payload } = openBackup(keys, file);
    const lines = gunzipSync(payload).toString('utf8').split('\n');
    const edited = lines.map((line) => {
      const part = JSON.parse(line) as { table: string; rows: Record<string, unknown>[] };
      if (part.table === 'audit_log') part.rows[3] = { ...part.rows[3], action: 'actor.delete' };
      return JSON.stringify(part);
    });
    const { salt: _salt, ...rest } = header;
    await refused(sealBackup(keys, rest, gzipSync(edited.join('\n'))), keys, 'TT_ERR_AUDIT_CHAIN_BROKEN');
  });

  it('is the operator’s only: an account is refused', async () => {
    const ctx = { ...operator(source.store.db, keys), auth: { accountId: 'x', system: false } as never };
    await expect(createBackup(ctx)).rejects.toMatchObject({ code: 'TT_ERR_FORBIDDEN' });
  });

  it('carries every table the migrations make', async () => {
    const carried = new Set<string>([...snapshotTables.map(([table]) => table), ...tablesNotInSnapshots]);
    const tables = (await listTables(source.store.db)).filter((table) => !table.startsWith('kysely_'));
    expect(tables.filter((table) => !carried.has(table))).toEqual([]);
  });
});
