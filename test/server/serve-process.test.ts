import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../src/domain/demo/index.js';
import { freePort } from '../support/free-port.js';

/**
 * `npm start` (= `node bin/tracktwo.js serve`) as a real process on a fresh, empty SQLite database: it
 * answers /api/health, with and without the demo workspace. The process runs in a temp directory, so it
 * neither touches ./data of the checkout nor builds the web app (no web sources there): the API alone.
 */

const BIN = resolve('bin/tracktwo.js');
const STARTUP_LIMIT_MS = 60_000;

interface Served {
  child: ChildProcess;
  url: string;
  dir: string;
  output: () => string;
}

const running: Served[] = [];

async function serve(env: Record<string, string>): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'tt-serve-'));
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRACKTWO_DATABASE_URL: `sqlite:${join(dir, 'data', 'tracktwo.db')}`,
      TRACKTWO_MASTER_KEY_FILE: join(dir, 'data', 'master.key'),
      TRACKTWO_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const served = { child, url: `http://127.0.0.1:${port}`, dir, output: () => output };
  running.push(served);
  return served;
}

/** Polls /api/health until it answers (or the process dies, or a minute passes). */
async function health(served: Served): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (served.child.exitCode !== null) throw new Error(`tracktwo serve exited:\n${served.output()}`);
    try {
      const response = await fetch(`${served.url}/api/health`);
      return { status: response.status, body: await response.json() };
    } catch {
      await new Promise((wait) => setTimeout(wait, 250));
    }
  }
  throw new Error(`no answer from /api/health within a minute:\n${served.output()}`);
}

async function stop(served: Served): Promise<number | null> {
  if (served.child.exitCode !== null) return served.child.exitCode;
  const exited = new Promise<number | null>((done) => served.child.once('exit', (code) => done(code)));
  served.child.kill('SIGTERM');
  return exited;
}

afterEach(async () => {
  for (const served of running.splice(0)) {
    if (served.child.exitCode === null) {
      served.child.kill('SIGKILL');
      await new Promise((done) => served.child.once('exit', done));
    }
    rmSync(served.dir, { recursive: true, force: true });
  }
});

describe('npm start on a fresh clone (node bin/tracktwo.js serve)', () => {
  it(
    'answers /api/health with TRACKTWO_NO_DEMO=1, leaves setup open, and stops on SIGTERM',
    { timeout: 90_000 },
    async () => {
      const served = await serve({ TRACKTWO_NO_DEMO: '1' });
      expect(await health(served)).toEqual({ status: 200, body: { status: 'ok', database: 'sqlite' } });
      expect(served.output()).toContain(`tracktwo is serving ${served.url} (database: sqlite)`);
      expect(served.output()).toContain('No account yet');
      expect(await (await fetch(`${served.url}/api/setup`)).json()).toEqual({ open: true });
      const workspaces = await fetch(`${served.url}/api/workspaces`);
      expect(workspaces.status).toBe(401);
      expect(await stop(served)).toBe(0);
      // The master key file was made, owner-only.
      expect(readdirSync(join(served.dir, 'data'))).toContain('master.key');
    },
  );

  it(
    'loads the demo on first start, prints a one-time password that signs in, and stores no person name',
    { timeout: 120_000 },
    async () => {
      const served = await serve({});
      expect(await health(served)).toEqual({ status: 200, body: { status: 'ok', database: 'sqlite' } });
      const password = /one-time password:\n\s+(\S+)/.exec(served.output())?.[1];
      expect(password, served.output()).toBeDefined();
      const email = /Sign in as (\S+) with/.exec(served.output())?.[1];
      const login = await fetch(`${served.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      const oneTime = (login.headers.get('set-cookie') ?? '').split(';')[0];
      // The one-time password binds until replaced: everything else is refused.
      const me = await fetch(`${served.url}/api/auth/me`, { headers: { cookie: oneTime } });
      expect(((await me.json()) as { must_change_password: boolean }).must_change_password).toBe(true);
      const refused = await fetch(`${served.url}/api/workspaces`, { headers: { cookie: oneTime } });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'TT_ERR_PASSWORD_CHANGE_REQUIRED',
      );
      const changed = await fetch(`${served.url}/api/auth/password`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: oneTime },
        body: JSON.stringify({
          current_password: password,
          new_password: 'a passphrase of my own choosing',
        }),
      });
      expect(changed.status).toBe(204);
      const cookie = (changed.headers.get('set-cookie') ?? '').split(';')[0];
      const workspaces = (await (
        await fetch(`${served.url}/api/workspaces`, { headers: { cookie } })
      ).json()) as {
        items: { name: string; is_demo: boolean }[];
      };
      expect(workspaces.items).toHaveLength(1);
      expect(workspaces.items[0].is_demo).toBe(true);
      expect(await stop(served)).toBe(0);

      // grep of the SQLite files (database, WAL, shared memory) after the demo loaded: no person's name.
      const demo = generateDemoWorkspace();
      const names = demo
        .identities!.filter((_, i) => demo.actors[i].kind === 'person')
        .flatMap((i) => i.names);
      const dataDir = join(served.dir, 'data');
      const bytes = Buffer.concat(
        readdirSync(dataDir)
          .filter((name) => name.startsWith('tracktwo.db'))
          .map((name) => readFileSync(join(dataDir, name))),
      );
      const has = (text: string) => bytes.includes(Buffer.from(text, 'utf8'));
      expect(has(demo.conflicts[0].name)).toBe(true);
      expect(names.length).toBeGreaterThan(100);
      expect(names.filter(has)).toEqual([]);
      expect(has(password!)).toBe(false);
    },
  );
});
