import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TrackTwoError } from '../../src/domain/errors.js';
import { parseDatabaseUrl, redactDatabaseUrl } from '../../src/store/database-url.js';
import { createDatabase, migrateToLatest } from '../../src/store/database.js';

describe('database URL', () => {
  it('reads sqlite and postgres URLs', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ dialect: 'sqlite', path: './data/tracktwo.db' });
    expect(parseDatabaseUrl('')).toEqual({ dialect: 'sqlite', path: './data/tracktwo.db' });
    expect(parseDatabaseUrl('sqlite:/var/lib/tt.db')).toEqual({ dialect: 'sqlite', path: '/var/lib/tt.db' });
    expect(parseDatabaseUrl('sqlite:///var/lib/tt.db')).toEqual({
      dialect: 'sqlite',
      path: '/var/lib/tt.db',
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('postgresql://u:p@db:5432/tt')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgresql://u:p@db:5432/tt',
    });
  });

  it('rejects anything else with a coded error naming the variable, never the password', () => {
    for (const bad of ['mysql://x', 'sqlite:', 'postgres://', '/tmp/x.db', 'postgres://u:secret@[bad/x']) {
      let caught: unknown;
      try {
        parseDatabaseUrl(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught, bad).toBeInstanceOf(TrackTwoError);
      expect((caught as TrackTwoError).code).toBe('TT_ERR_CONFIGURATION');
      expect((caught as TrackTwoError).details?.field).toBe('TRACKTWO_DATABASE_URL');
      expect((caught as TrackTwoError).message).not.toContain('secret');
    }
    expect(redactDatabaseUrl('postgres://u:secret@h/db')).toBe('postgres://u:***@h/db');
  });
});

describe('createDatabase on SQLite', () => {
  it('creates the database file and its -wal and -shm 0600, whatever the umask, and narrows an old file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-db-mode-'));
    const file = join(dir, 'tt.db');
    const before = process.umask(0o022);
    const store = createDatabase(`sqlite:${file}`);
    try {
      await migrateToLatest(store.db);
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
      await store.close();
      const old = join(dir, 'old.db');
      writeFileSync(old, '');
      chmodSync(old, 0o644);
      const reopened = createDatabase(`sqlite:${old}`);
      expect(mode(old)).toBe(0o600);
      await reopened.close();
    } finally {
      process.umask(before);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates the directory, runs in WAL with foreign keys and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-db-'));
    const file = join(dir, 'nested', 'deeper', 'tt.db');
    const store = createDatabase(`sqlite:${file}`);
    try {
      expect(store.dialect).toBe('sqlite');
      expect(existsSync(join(dir, 'nested', 'deeper'))).toBe(true);
      await migrateToLatest(store.db);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
