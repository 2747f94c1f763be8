import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import {
  AUDIT_GENESIS_HASH,
  appendAudit,
  auditKeyOf,
  auditRowHash,
  auditRowMac,
  currentAuditHead,
  verifyAuditChain,
} from '../../src/security/audit.js';
import { systemAuth } from '../../src/security/auth.js';
import { canonicalJson } from '../../src/security/canonical-json.js';
import { createVaultKeys } from '../../src/security/vault.js';
import type { AuditRow } from '../../src/store/repositories/audit-log.js';
import type { Database } from '../../src/store/schema.js';
import { enginesToRun, forEachEngine, openTestDatabase } from '../support/databases.js';

const operator = systemAuth('test');
const keys = createVaultKeys(randomBytes(32));

async function appendMany(db: Kysely<Database>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          keys,
          { accountId: `acc-${i % 3}` },
          { action: 'actor.update', recordType: 'actor', recordId: `actor-${i}`, workspaceId: 'ws-1' },
        ),
      );
  }
}

async function allRows(db: Kysely<Database>): Promise<AuditRow[]> {
  return (await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map((r) => ({
    ...r,
    seq: Number(r.seq),
  }));
}

forEachEngine('audit chain', (getDb) => {
  let saved: { rows: AuditRow[]; head: { seq: number; hash: string; mac: string | null } };

  // Each test tampers with the log; put the intact log back afterwards.
  beforeEach(async () => {
    const db = getDb();
    if ((await db.selectFrom('audit_log').select('seq').limit(1).execute()).length === 0)
      await appendMany(db, 8);
    const head = await db.selectFrom('audit_head').select(['seq', 'hash', 'mac']).executeTakeFirstOrThrow();
    saved = { rows: await allRows(db), head: { seq: Number(head.seq), hash: head.hash, mac: head.mac } };
  });
  afterEach(async () => {
    const db = getDb();
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('audit_log').execute();
      await trx.insertInto('audit_log').values(saved.rows).execute();
      await trx.updateTable('audit_head').set(saved.head).where('id', '=', 1).execute();
    });
  });

  it('chains each row to the previous one and verifies an intact log', async () => {
    const rows = await allRows(getDb());
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0].prev_hash).toBe(AUDIT_GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    const verdict = await verifyAuditChain(getDb(), keys);
    expect(verdict).toEqual({
      ok: true,
      rows: rows.length,
      unkeyed_rows: 0,
      head: { seq: rows.length, hash: rows.at(-1)!.hash },
    });
    // Verified page by page just the same.
    expect(await verifyAuditChain(getDb(), keys, { pageSize: 3 })).toEqual(verdict);
  });

  it('computes HMAC-SHA-256(audit key, prev_hash + canonical JSON of the row) for new rows (version 2)', async () => {
    const [first] = await allRows(getDb());
    const fields = {
      seq: first.seq,
      at: first.at,
      account_id: first.account_id,
      workspace_id: first.workspace_id,
      action: first.action,
      record_type: first.record_type,
      record_id: first.record_id,
    };
    const expected = createHmac('sha256', keys.deriveKey('tracktwo/audit/v1'))
      .update(AUDIT_GENESIS_HASH + canonicalJson(fields))
      .digest('hex');
    expect(first.version).toBe(2);
    expect(first.hash).toBe(expected);
    expect(auditRowMac(auditKeyOf(keys), AUDIT_GENESIS_HASH, first)).toBe(expected);
    // Version 1, the rows from before the chain was keyed: sha256(prev_hash + canonical JSON).
    const { createHash } = await import('node:crypto');
    expect(auditRowHash(AUDIT_GENESIS_HASH, first)).toBe(
      createHash('sha256')
        .update(AUDIT_GENESIS_HASH + canonicalJson(fields))
        .digest('hex'),
    );
  });

  it('names an edited row', async () => {
    await getDb().updateTable('audit_log').set({ record_id: 'actor-999' }).where('seq', '=', 4).execute();
    expect(await verifyAuditChain(getDb(), keys)).toMatchObject({
      ok: false,
      seq: 4,
      problem: 'edited',
      rows: 3,
    });
  });

  it('names a row whose prev_hash was edited', async () => {
    await getDb()
      .updateTable('audit_log')
      .set({ prev_hash: 'f'.repeat(64) })
      .where('seq', '=', 6)
      .execute();
    expect(await verifyAuditChain(getDb(), keys)).toMatchObject({ ok: false, seq: 6, problem: 'edited' });
  });

  it('names a deleted row', async () => {
    await getDb().deleteFrom('audit_log').where('seq', '=', 5).execute();
    expect(await verifyAuditChain(getDb(), keys)).toMatchObject({ ok: false, seq: 5, problem: 'deleted' });
  });

  it('names a row inserted in the middle, even with a correctly forged hash and the rest renumbered', async () => {
    const db = getDb();
    const rows = await allRows(db);
    const forged = {
      seq: 3,
      at: rows[1].at,
      account_id: null,
      workspace_id: 'ws-1',
      action: 'actor.create',
      record_type: 'actor',
      record_id: 'ghost',
    };
    const shifted = rows.map((row) => (row.seq >= 3 ? { ...row, seq: row.seq + 1 } : row));
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('audit_log').execute();
      await trx
        .insertInto('audit_log')
        .values([
          ...shifted,
          // Forged even with the key: the chain's shape still gives it away.
          {
            ...forged,
            prev_hash: rows[1].hash,
            hash: auditRowMac(auditKeyOf(keys), rows[1].hash, forged),
            version: 2,
          },
        ])
        .execute();
      await trx
        .updateTable('audit_head')
        .set({ seq: rows.length + 1 })
        .where('id', '=', 1)
        .execute();
    });
    expect(await verifyAuditChain(db, keys)).toMatchObject({
      ok: false,
      seq: 3,
      problem: 'inserted',
      rows: 2,
    });
  });

  it('names a row appended behind the chain’s back', async () => {
    const rows = await allRows(getDb());
    const last = rows.at(-1)!;
    const forged = {
      seq: last.seq + 1,
      at: last.at,
      account_id: null,
      workspace_id: null,
      action: 'actor.create',
      record_type: 'actor',
      record_id: 'ghost',
    };
    await getDb()
      .insertInto('audit_log')
      .values({
        ...forged,
        prev_hash: last.hash,
        hash: auditRowMac(auditKeyOf(keys), last.hash, forged),
        version: 2,
      })
      .execute();
    expect(await verifyAuditChain(getDb(), keys)).toMatchObject({
      ok: false,
      seq: last.seq + 1,
      problem: 'inserted',
    });
  });

  it('notices a truncated tail through the recorded head', async () => {
    const rows = await allRows(getDb());
    await getDb()
      .deleteFrom('audit_log')
      .where('seq', '>=', rows.length - 1)
      .execute();
    expect(await verifyAuditChain(getDb(), keys)).toMatchObject({
      ok: false,
      seq: rows.length - 1,
      problem: 'truncated',
      rows: rows.length - 2,
    });
  });

  it('notices a last row replaced by a self-consistent forgery', async () => {
    const rows = await allRows(getDb());
    const last = rows.at(-1)!;
    const forged = { ...last, record_id: 'someone-else' };
    await getDb()
      .updateTable('audit_log')
      .set({ record_id: forged.record_id, hash: auditRowHash(last.prev_hash, forged) })
      .where('seq', '=', last.seq)
      .execute();
    expect(await verifyAuditChain(getDb(), keys)).toMatchObject({
      ok: false,
      seq: last.seq,
      problem: 'edited',
    });
  });

  it('detects the last row rewritten with a recomputed unkeyed hash, as version 2 or as version 1', async () => {
    const db = getDb();
    const last = (await allRows(db)).at(-1)!;
    const forged = { ...last, record_id: 'someone-else' };
    const unkeyed = auditRowHash(last.prev_hash, forged);
    await db
      .updateTable('audit_log')
      .set({ record_id: forged.record_id, hash: unkeyed })
      .where('seq', '=', last.seq)
      .execute();
    await db.updateTable('audit_head').set({ hash: unkeyed }).where('id', '=', 1).execute();
    expect(await verifyAuditChain(db, keys)).toMatchObject({ ok: false, seq: last.seq, problem: 'edited' });
    await db.updateTable('audit_log').set({ version: 1 }).where('seq', '=', last.seq).execute();
    expect(await verifyAuditChain(db, keys)).toMatchObject({
      ok: false,
      seq: last.seq,
      problem: 'edited',
      message: expect.stringContaining('rewritten unkeyed'),
    });
  });

  it('detects the whole chain rewritten unkeyed: the head then has no MAC', async () => {
    const db = getDb();
    let prev = AUDIT_GENESIS_HASH;
    for (const row of await allRows(db)) {
      const hash = auditRowHash(prev, row);
      await db
        .updateTable('audit_log')
        .set({ version: 1, prev_hash: prev, hash })
        .where('seq', '=', row.seq)
        .execute();
      prev = hash;
    }
    await db.updateTable('audit_head').set({ hash: prev, mac: null }).where('id', '=', 1).execute();
    expect(await verifyAuditChain(db, keys)).toMatchObject({ ok: false, problem: 'head_forged' });
  });

  it('detects a dropped tail with the head moved back, through the head MAC', async () => {
    const db = getDb();
    const rows = await allRows(db);
    const kept = rows.at(-3)!;
    await db.deleteFrom('audit_log').where('seq', '>', kept.seq).execute();
    await db.updateTable('audit_head').set({ seq: kept.seq, hash: kept.hash }).where('id', '=', 1).execute();
    expect(await verifyAuditChain(db, keys)).toMatchObject({
      ok: false,
      seq: kept.seq,
      problem: 'head_forged',
    });
  });

  it('with a head digest, detects a tail dropped and the head row put back from an older copy', async () => {
    const db = getDb();
    const older = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const olderDigest = (await currentAuditHead(db, keys)).digest;
    await appendMany(db, 2);
    const { digest, seq } = await currentAuditHead(db, keys);
    expect(digest).toMatch(new RegExp(`^${seq}:[0-9a-f]{16}$`));
    expect(await verifyAuditChain(db, keys, { head: digest })).toMatchObject({ ok: true });
    // The attacker drops the two new rows and puts back the head row as it was before them.
    await db.deleteFrom('audit_log').where('seq', '>', Number(older.seq)).execute();
    await db
      .updateTable('audit_head')
      .set({ seq: older.seq, hash: older.hash, mac: older.mac })
      .where('id', '=', 1)
      .execute();
    expect(await verifyAuditChain(db, keys)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db, keys, { head: olderDigest })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db, keys, { head: digest })).toMatchObject({
      ok: false,
      seq,
      problem: 'head_unknown',
    });
    // A digest of the right shape but not this chain's (another key, or made up) fails too.
    const other = (await currentAuditHead(db, createVaultKeys(randomBytes(32)))).digest;
    expect(await verifyAuditChain(db, keys, { head: other })).toMatchObject({
      ok: false,
      problem: 'head_unknown',
    });
    await expect(verifyAuditChain(db, keys, { head: 'latest' })).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
    });
  });

  it('fails under another master key, saying so', async () => {
    const verdict = await verifyAuditChain(getDb(), createVaultKeys(randomBytes(32)));
    expect(verdict).toMatchObject({ ok: false, seq: 1, problem: 'edited' });
    expect(verdict.ok || verdict.message).toMatch(/master key/);
  });

  it('verifies rows from before the chain was keyed (version 1) once a keyed row follows them', async () => {
    const db = getDb();
    let prev = AUDIT_GENESIS_HASH;
    const legacy: AuditRow[] = [];
    for (let seq = 1; seq <= 3; seq++) {
      const fields = {
        seq,
        at: '2025-01-0' + seq + 'T00:00:00.000Z',
        account_id: null,
        workspace_id: null,
        action: 'actor.create',
        record_type: 'actor',
        record_id: `old-${seq}`,
      };
      const hash = auditRowHash(prev, fields);
      legacy.push({ ...fields, prev_hash: prev, hash, version: 1 });
      prev = hash;
    }
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('audit_log').execute();
      await trx.insertInto('audit_log').values(legacy).execute();
      await trx
        .updateTable('audit_head')
        .set({ seq: 3, hash: prev, mac: null })
        .where('id', '=', 1)
        .execute();
    });
    // Upgraded, nothing written since: refused until a write seals the head.
    expect(await verifyAuditChain(db, keys)).toMatchObject({
      ok: false,
      problem: 'head_forged',
      message: expect.stringContaining('sign in once'),
    });
    await appendMany(db, 1);
    expect(await verifyAuditChain(db, keys)).toMatchObject({ ok: true, rows: 4, unkeyed_rows: 3 });
    // An unkeyed row is still tied into the chain by the keyed one after it.
    const edited = { ...legacy[2], record_id: 'someone-else' };
    await db
      .updateTable('audit_log')
      .set({ record_id: edited.record_id, hash: auditRowHash(edited.prev_hash, edited) })
      .where('seq', '=', 3)
      .execute();
    expect(await verifyAuditChain(db, keys)).toMatchObject({ ok: false, seq: 4, problem: 'unchained' });
  });

  it('writes nothing when the transaction rolls back, and refuses to run outside one', async () => {
    const db = getDb();
    const before = await allRows(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, keys, operator, {
          action: 'actor.create',
          recordType: 'actor',
          recordId: 'x',
        });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await allRows(db)).toEqual(before);
    await expect(
      appendAudit(db, keys, operator, { action: 'actor.create', recordType: 'actor', recordId: 'x' }),
    ).rejects.toThrow(/inside the transaction/);
    expect((await verifyAuditChain(db, keys)).ok).toBe(true);
  });

  it('refuses free text where ids belong', async () => {
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          appendAudit(trx, keys, operator, {
            action: 'actor.create',
            recordType: 'actor',
            recordId: 'Amina Warsame',
          }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
  });
});

describe.runIf(enginesToRun().includes('postgres'))('audit chain under concurrent writers [postgres]', () => {
  it('keeps one unbroken chain when many transactions append at once', async () => {
    const test = await openTestDatabase('postgres');
    try {
      const db = test.store.db;
      const writers = 40;
      await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          db.transaction().execute(async (trx) => {
            // Some work before the append, so transactions overlap.
            await sql`select pg_sleep(0.005)`.execute(trx);
            await appendAudit(trx, keys, operator, {
              action: 'tie.create',
              recordType: 'tie',
              recordId: `tie-${i}`,
            });
          }),
        ),
      );
      const verdict = await verifyAuditChain(db, keys);
      expect(verdict).toMatchObject({ ok: true, rows: writers });
      const rows = await allRows(db);
      expect(new Set(rows.map((r) => r.record_id)).size).toBe(writers);
      expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(writers);
    } finally {
      await test.dispose();
    }
  });
});
