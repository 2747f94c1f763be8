import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, appendAudit, auditRowHash, verifyAuditChain } from '../../src/security/audit.js';
import { systemAuth } from '../../src/security/auth.js';
import { canonicalJson } from '../../src/security/canonical-json.js';
import type { AuditRow } from '../../src/store/repositories/audit-log.js';
import type { Database } from '../../src/store/schema.js';
import { enginesToRun, forEachEngine, openTestDatabase } from '../support/databases.js';

const operator = systemAuth('test');

async function appendMany(db: Kysely<Database>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
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
  let saved: { rows: AuditRow[]; head: { seq: number; hash: string } };

  // Each test tampers with the log; put the intact log back afterwards.
  beforeEach(async () => {
    const db = getDb();
    if ((await db.selectFrom('audit_log').select('seq').limit(1).execute()).length === 0)
      await appendMany(db, 8);
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    saved = { rows: await allRows(db), head: { seq: Number(head.seq), hash: head.hash } };
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
    const verdict = await verifyAuditChain(getDb());
    expect(verdict).toEqual({
      ok: true,
      rows: rows.length,
      head: { seq: rows.length, hash: rows.at(-1)!.hash },
    });
    // Verified page by page just the same.
    expect(await verifyAuditChain(getDb(), 3)).toEqual(verdict);
  });

  it('computes sha256(prev_hash + canonical JSON of the row)', async () => {
    const [first] = await allRows(getDb());
    const { createHash } = await import('node:crypto');
    const fields = {
      seq: first.seq,
      at: first.at,
      account_id: first.account_id,
      workspace_id: first.workspace_id,
      action: first.action,
      record_type: first.record_type,
      record_id: first.record_id,
    };
    const expected = createHash('sha256')
      .update(AUDIT_GENESIS_HASH + canonicalJson(fields))
      .digest('hex');
    expect(first.hash).toBe(expected);
    expect(auditRowHash(AUDIT_GENESIS_HASH, first)).toBe(expected);
  });

  it('names an edited row', async () => {
    await getDb().updateTable('audit_log').set({ record_id: 'actor-999' }).where('seq', '=', 4).execute();
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: false, seq: 4, problem: 'edited', rows: 3 });
  });

  it('names a row whose prev_hash was edited', async () => {
    await getDb()
      .updateTable('audit_log')
      .set({ prev_hash: 'f'.repeat(64) })
      .where('seq', '=', 6)
      .execute();
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: false, seq: 6, problem: 'edited' });
  });

  it('names a deleted row', async () => {
    await getDb().deleteFrom('audit_log').where('seq', '=', 5).execute();
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: false, seq: 5, problem: 'deleted' });
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
          { ...forged, prev_hash: rows[1].hash, hash: auditRowHash(rows[1].hash, forged) },
        ])
        .execute();
      await trx
        .updateTable('audit_head')
        .set({ seq: rows.length + 1 })
        .where('id', '=', 1)
        .execute();
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 3, problem: 'inserted', rows: 2 });
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
      .values({ ...forged, prev_hash: last.hash, hash: auditRowHash(last.hash, forged) })
      .execute();
    expect(await verifyAuditChain(getDb())).toMatchObject({
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
    expect(await verifyAuditChain(getDb())).toMatchObject({
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
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: false, seq: last.seq, problem: 'edited' });
  });

  it('writes nothing when the transaction rolls back, and refuses to run outside one', async () => {
    const db = getDb();
    const before = await allRows(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, operator, { action: 'actor.create', recordType: 'actor', recordId: 'x' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await allRows(db)).toEqual(before);
    await expect(
      appendAudit(db, operator, { action: 'actor.create', recordType: 'actor', recordId: 'x' }),
    ).rejects.toThrow(/inside the transaction/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('refuses free text where ids belong', async () => {
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          appendAudit(trx, operator, {
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
            await appendAudit(trx, operator, {
              action: 'tie.create',
              recordType: 'tie',
              recordId: `tie-${i}`,
            });
          }),
        ),
      );
      const verdict = await verifyAuditChain(db);
      expect(verdict).toMatchObject({ ok: true, rows: writers });
      const rows = await allRows(db);
      expect(new Set(rows.map((r) => r.record_id)).size).toBe(writers);
      expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(writers);
    } finally {
      await test.dispose();
    }
  });
});
