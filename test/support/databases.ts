import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  createDatabase,
  migrateToLatest,
  type DialectName,
  type StoreHandle,
} from '../../src/store/database.js';
import type { Database } from '../../src/store/schema.js';

/**
 * Store tests run on both engines against real databases, never mocks. SQLite: a temp file.
 * PostgreSQL: a fresh database `tt_test_<random>` on the server of TRACKTWO_TEST_POSTGRES_URL, dropped
 * afterwards; when no server answers, a throwaway cluster (initdb + pg_ctl on a free port in a temp
 * dir), announced on stderr and stopped when the test process exits. Neither available: the tests fail
 * (never skip); set TRACKTWO_TEST_ENGINES=sqlite to run SQLite alone on a machine without PostgreSQL
 * (ignored in CI).
 */

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  store: StoreHandle;
  /** A URL that opens the same database (for a CLI or server under test). */
  url: string;
  dialect: DialectName;
  /** Closes the store and deletes the file or drops the database. */
  dispose(): Promise<void>;
}

export interface EngineContext {
  dialect: DialectName;
  /** The open store of the current describe block (valid inside tests and hooks). */
  getStore(): StoreHandle;
  /** The URL of the current database, for opening a second connection. */
  getUrl(): string;
}

export function enginesToRun(): DialectName[] {
  const wanted = process.env.TRACKTWO_TEST_ENGINES;
  if (!wanted || process.env.CI === 'true') return ['sqlite', 'postgres'];
  const engines = wanted.split(',').map((engine) => engine.trim());
  return (['sqlite', 'postgres'] as const).filter((engine) => engines.includes(engine));
}

/**
 * Runs `body` as one describe block per engine, on a fresh, migrated database per block. Tests in a
 * block share its database: make your own workspace per test when they must not see each other.
 */
export function forEachEngine(
  name: string,
  body: (getDb: () => Kysely<Database>, engine: EngineContext) => void,
): void {
  for (const dialect of enginesToRun()) {
    describe(`${name} [${dialect}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await openTestDatabase(dialect);
      });
      afterAll(async () => {
        await current?.dispose();
        current = undefined;
      });
      const open = (): TestDatabase => {
        if (!current)
          throw new Error(`the ${dialect} test database is not open (use it inside tests or hooks)`);
        return current;
      };
      body(() => open().store.db, {
        dialect,
        getStore: () => open().store,
        getUrl: () => open().url,
      });
    });
  }
}

/** A fresh, migrated database on `dialect`; call `dispose()` when done. */
export async function openTestDatabase(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const { url, store, remove } = dialect === 'sqlite' ? newSqliteFile() : await newPostgresDatabase();
  const dispose = async () => {
    await store.close();
    await remove();
  };
  try {
    if (options.migrate ?? true) await migrateToLatest(store.db);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { store, url, dialect, dispose };
}

interface NewDatabase {
  url: string;
  store: StoreHandle;
  /** Deletes the file or drops the database (after the store is closed). */
  remove(): void | Promise<void>;
}

function newSqliteFile(): NewDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'tt-sqlite-'));
  const url = `sqlite:${join(dir, 'test.db')}`;
  return { url, store: createDatabase(url), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function newPostgresDatabase(): Promise<NewDatabase> {
  const serverUrl = await postgresServerUrl();
  const name = `tt_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`create database ${name}`));
  const url = withDatabase(serverUrl, name);
  return {
    url,
    store: createDatabase(url, { poolSize: 4 }),
    remove: () => dropDatabase(serverUrl, name),
  };
}

/** Tables of the current schema, for migration tests (both engines). */
export async function listTables(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Why the PostgreSQL store tests cannot run, in one line, or undefined when they can: a server answers
 * at TRACKTWO_TEST_POSTGRES_URL, or initdb and pg_ctl are here for a throwaway cluster. Checked once per
 * run by test/support/global-setup.ts, so a machine without PostgreSQL is told so once, not per test.
 */
export async function postgresProblem(): Promise<string | undefined> {
  if (!enginesToRun().includes('postgres')) return undefined;
  const configured = process.env.TRACKTWO_TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
  const problem = await probe(configured);
  if (problem === undefined) return undefined;
  try {
    postgresBinDir();
    return undefined;
  } catch (error) {
    return (
      `store tests cannot run: no PostgreSQL at ${redact(configured)} (${problem}) and ${(error as Error).message}; ` +
      'install PostgreSQL (apt-get install postgresql) or set TRACKTWO_TEST_POSTGRES_URL' +
      (process.env.CI === 'true' ? '.' : ', or set TRACKTWO_TEST_ENGINES=sqlite to run SQLite alone.')
    );
  }
}

// --- PostgreSQL server discovery --------------------------------------------------------------------

let serverUrlPromise: Promise<string> | undefined;

function postgresServerUrl(): Promise<string> {
  serverUrlPromise ??= findOrStartServer();
  return serverUrlPromise;
}

async function findOrStartServer(): Promise<string> {
  const configured = process.env.TRACKTWO_TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
  const problem = await probe(configured);
  if (problem === undefined) return configured;
  process.stderr.write(
    `[tracktwo tests] no PostgreSQL answers at ${redact(configured)} (${problem}); ` +
      'using a throwaway cluster (initdb + pg_ctl) shared by this test run.\n',
  );
  try {
    return await sharedThrowawayCluster();
  } catch (error) {
    throw new Error(
      `PostgreSQL store tests cannot run: no server at ${redact(configured)} (${problem}) and no throwaway ` +
        `cluster could be started (${(error as Error).message}). Start PostgreSQL, set ` +
        'TRACKTWO_TEST_POSTGRES_URL, or (outside CI only) set TRACKTWO_TEST_ENGINES=sqlite.',
      { cause: error },
    );
  }
}

export async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  // `with (force)` (PostgreSQL 13+) ends sessions a failed test may have leaked.
  await withAdmin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

function postgresBinDir(): string {
  const candidates = [process.env.TRACKTWO_TEST_PG_BIN, '/usr/lib/postgresql/15/bin'];
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error('initdb and pg_ctl not found (set TRACKTWO_TEST_PG_BIN to their directory)');
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user. */
function runAsClusterOwner(command: string, args: string[]) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
  }
}

/**
 * Vitest ends its workers without running exit handlers, so a detached watchdog stops the cluster and
 * removes its directory once this process is gone.
 */
function stopWhenTestsEnd(owner: number, bin: string, data: string, cleanup: string[]): void {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pgCtl = `${asRoot ? 'runuser -u postgres -- ' : ''}'${join(bin, 'pg_ctl')}'`;
  const script =
    `while kill -0 ${owner} 2>/dev/null; do sleep 1; done; ` +
    `${pgCtl} -D '${data}' -m immediate stop >/dev/null 2>&1; rm -rf ${cleanup.map((path) => `'${path}'`).join(' ')}`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/**
 * One throwaway cluster per test run, not per test file: vitest's workers share a parent (the run),
 * so the first worker starts the cluster under a lock and records its URL; the others reuse it. The
 * cluster stops when the run's process ends.
 */
async function sharedThrowawayCluster(): Promise<string> {
  const owner = process.ppid > 1 ? process.ppid : process.pid;
  const stateFile = join(tmpdir(), `tracktwo-test-pg-${owner}.json`);
  const lockDir = join(tmpdir(), `tracktwo-test-pg-${owner}.lock`);
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`waited two minutes for ${lockDir}; remove it if no test runs`);
      await sleep(100);
    }
  }
  try {
    if (existsSync(stateFile)) {
      const { url } = JSON.parse(readFileSync(stateFile, 'utf8')) as { url: string };
      if ((await probe(url)) === undefined) return url;
    }
    const url = await startThrowawayCluster(owner, stateFile);
    writeFileSync(stateFile, JSON.stringify({ url }));
    return url;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

async function startThrowawayCluster(owner: number, stateFile: string): Promise<string> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'tt-pg-'));
  const data = join(dir, 'data');
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    const owner = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (owner.status !== 0)
      throw new Error('running as root and there is no `postgres` user to own the cluster');
    chownSync(dir, Number(owner.stdout.trim()), Number(group.stdout.trim()));
  }
  chmodSync(dir, 0o700);
  runAsClusterOwner(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  runAsClusterOwner(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  stopWhenTestsEnd(owner, bin, data, [dir, stateFile]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  process.stderr.write(`[tracktwo tests] throwaway PostgreSQL cluster on 127.0.0.1:${port} in ${dir}\n`);
  return url;
}
