import type { FastifyInstance } from 'fastify';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { lockFirstRun } from '../../src/store/engine/index.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countRows, forEachEngine } from '../support/databases.js';
import { client, testApp } from './support/app.js';

/**
 * First-run setup must be atomic: of many simultaneous POST /api/setup, exactly one makes the first
 * administrator; the others are told setup is done, and nothing of theirs is written.
 */
forEachEngine('server: concurrent first-run setup', (getDb, engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(getDb(), engine.dialect);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets exactly one of eight simultaneous setups through', async () => {
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client(app).post('/api/setup', {
          email: `first-${i}@example.org`,
          display_name: `First ${i}`,
          password: `a long setup passphrase ${i}`,
          workspace_name: `Workspace ${i}`,
        }),
      ),
    );
    const statuses = replies.map((reply) => reply.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const reply of replies.filter((r) => r.statusCode === 409)) {
      expect(reply.json().error.code).toBe('TT_ERR_SETUP_DONE');
    }
    const db = getDb();
    expect(await countRows(db, 'accounts')).toBe(1);
    expect(await countRows(db, 'workspaces')).toBe(1);
    expect(await countRows(db, 'workspace_admins')).toBe(1);
    const winner = replies.find((r) => r.statusCode === 201)!.json();
    const admin = await db.selectFrom('workspace_admins').selectAll().executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ account_id: winner.account.id, workspace_id: winner.workspace.id });
    expect((await client(app).get('/api/setup')).json()).toEqual({ open: false });
  });
});

forEachEngine('store: the first-run lock', (getDb, engine) => {
  it('is held until the setup transaction ends, against another connection', async () => {
    let heldElsewhere: boolean | undefined;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        await lockFirstRun(trx);
        if (engine.dialect === 'sqlite') {
          const other = new SQLite(engine.getUrl().replace(/^sqlite:/, ''));
          other.pragma('busy_timeout = 0');
          try {
            other.exec('begin immediate');
            other.exec('rollback');
            heldElsewhere = false;
          } catch (error) {
            heldElsewhere = (error as { code?: string }).code === 'SQLITE_BUSY';
          } finally {
            other.close();
          }
        } else {
          const other = new pg.Client({ connectionString: engine.getUrl() });
          await other.connect();
          try {
            const { rows } = await other.query<{ got: boolean }>(
              "select pg_try_advisory_xact_lock(x'74742d7365747570'::bigint) as got",
            );
            heldElsewhere = !rows[0].got;
          } finally {
            await other.end();
          }
        }
      });
    expect(heldElsewhere).toBe(true);
    // Released with the transaction: the next setup may take it.
    await getDb()
      .transaction()
      .execute(async (trx) => {
        await lockFirstRun(trx);
        await sql`select 1`.execute(trx);
      });
  });

  it('refuses to run outside a transaction', async () => {
    await expect(lockFirstRun(getDb())).rejects.toThrow(/inside the setup transaction/);
  });
});
