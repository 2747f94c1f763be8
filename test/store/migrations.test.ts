import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/store/database.js';
import { migrations } from '../../src/store/migrations/index.js';
import { forEachEngine, listTables, openTestDatabase } from '../support/databases.js';

const coreTables = [
  'actor_groups',
  'actors',
  'attendances',
  'conflict_events',
  'conflicts',
  'divides',
  'groups',
  'initiative_actors',
  'initiatives',
  'meetings',
  'outcomes',
  'ties',
  'transfer_recipients',
  'transfers',
  'workspaces',
];

forEachEngine('migrations', (getDb, engine) => {
  it('creates every core table of the contract', async () => {
    const tables = await listTables(getDb());
    expect(tables).toEqual(expect.arrayContaining(coreTables));
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect(await migrateToLatest(getDb())).toEqual([]);
  });

  it('applies in name order and records each once', async () => {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      getDb(),
    );
    expect(rows.rows.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
  });

  it('has foreign keys enforced', async () => {
    if (engine.dialect === 'sqlite') {
      const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(getDb());
      expect(rows[0].foreign_keys).toBe(1);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(getDb());
      expect(mode.rows[0].journal_mode).toBe('wal');
    }
    await expect(
      getDb()
        .insertInto('conflicts')
        .values({ id: 'c', workspace_id: 'missing', name: 'x', created_at: new Date().toISOString() })
        .execute(),
    ).rejects.toThrow();
  });

  it('returns counts as numbers on both engines', async () => {
    const row = await getDb()
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(typeof row.n).toBe('number');
  });
});

describe('migrations from empty, step by step', () => {
  it('applies 0001_core alone on a fresh SQLite database', async () => {
    const fresh = await openTestDatabase('sqlite', { migrate: false });
    try {
      expect(await listTables(fresh.store.db)).toEqual([]);
      const applied = await migrateToLatest(fresh.store.db);
      expect(applied[0]).toBe('0001_core');
    } finally {
      await fresh.dispose();
    }
  });
});
