import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/security/audit.js';
import { createVaultKeys } from '../../src/security/vault.js';
import { enginesToRun, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { freePort } from '../support/free-port.js';

/**
 * Crash proof: the real server process (`node bin/tracktwo.js serve`) under concurrent load (participants
 * voting through the group-committed vote queue; an account creating actors and patching ties, each an
 * audited write) is killed with SIGKILL at random moments and restarted on the same database. Every write
 * a client saw acknowledged (2xx) before the kill must be there afterwards, with its value, and the audit
 * chain must verify. A write in flight at the kill may or may not have landed: both outcomes are allowed,
 * nothing else is.
 */

const BIN = resolve('bin/tracktwo.js');
const KILLS = 4;
const VOTERS = 6;
const WRITERS = 3;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

class Server {
  child: ChildProcess | undefined;
  output = '';
  readonly url: string;

  constructor(
    private readonly dir: string,
    private readonly port: number,
    private readonly databaseUrl: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<string> {
    const before = this.output.length;
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd: this.dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? this.dir,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        TRACKTWO_DATABASE_URL: this.databaseUrl,
        TRACKTWO_MASTER_KEY_FILE: join(this.dir, 'master.key'),
        TRACKTWO_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`tracktwo serve exited:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.status === 200) return this.output.slice(before);
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`no answer from /api/health within a minute:\n${this.output}`);
  }

  async kill(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill(signal);
    await exited;
  }
}

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function call(
  server: Server,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * The value a client last saw acknowledged (null: none yet), and the one it had in flight when the
 * server died, if any.
 */
interface Tracked<T> {
  acked: T | null;
  inFlight: T | undefined;
}

/** What the database may hold after the kill: the acknowledged value, or the in-flight one if it landed. */
function allowed<T>(t: Tracked<T>): (T | null)[] {
  return t.inFlight === undefined ? [t.acked] : [t.acked, t.inFlight];
}

interface Figures {
  engine: string;
  kills: number;
  ackedVotes: number;
  ackedActors: number;
  ackedTiePatches: number;
  refused: number;
  lost: number;
}

for (const dialect of enginesToRun()) {
  describe(`SIGKILL under load loses no acknowledged write [${dialect}]`, () => {
    let database: TestDatabase;
    let dir: string;
    let server: Server;

    beforeAll(async () => {
      database = await openTestDatabase(dialect, { migrate: false });
      dir = mkdtempSync(join(tmpdir(), 'tt-crash-'));
      server = new Server(dir, await freePort(), database.url);
    });
    afterAll(async () => {
      await server?.kill();
      await database?.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('keeps every acknowledged vote and record across random kills, with the audit chain intact', async () => {
      const firstOutput = await server.start();
      const password = /one-time password:\n\s+(\S+)/.exec(firstOutput)?.[1];
      const email = /Sign in as (\S+) with/.exec(firstOutput)?.[1];
      expect(password, firstOutput).toBeDefined();
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      // The one-time password must be replaced before anything else.
      const changed = await fetch(`${server.url}/api/auth/password`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          cookie: (login.headers.get('set-cookie') ?? '').split(';')[0],
        },
        body: JSON.stringify({
          current_password: password,
          new_password: 'a passphrase of my own choosing',
        }),
      });
      expect(changed.status).toBe(204);
      const admin = { cookie: (changed.headers.get('set-cookie') ?? '').split(';')[0] };

      const workspaceId: string = (await call(server, 'GET', '/api/workspaces', admin)).body.items[0].id;
      const conflictId: string = (
        await call(server, 'GET', `/api/workspaces/${workspaceId}/conflicts`, admin)
      ).body.items[0].id;
      const initiatives = (await call(server, 'GET', `/api/workspaces/${workspaceId}/initiatives`, admin))
        .body.items as { id: string }[];
      let dialogueId: string | undefined;
      for (const initiative of initiatives) {
        const list = await call(server, 'GET', `/api/initiatives/${initiative.id}/dialogues`, admin);
        const open = (list.body.items as { id: string; status: string }[]).find((d) => d.status === 'open');
        if (open) {
          dialogueId = open.id;
          break;
        }
      }
      expect(dialogueId, 'the demo has an open dialogue').toBeDefined();
      const issued = await call(server, 'POST', `/api/dialogues/${dialogueId}/tokens`, admin, {
        count: VOTERS,
      });
      expect(issued.status, JSON.stringify(issued.body)).toBe(201);
      const voters = (issued.body.items as { token: string }[]).map((i) => ({
        'x-participant-token': i.token,
      }));
      const statements = (await call(server, 'GET', `/api/dialogues/${dialogueId}/statements`, voters[0]))
        .body.items as { id: string }[];
      expect(statements.length).toBeGreaterThan(3);
      const ties = (await call(server, 'GET', `/api/conflicts/${conflictId}/ties?limit=${WRITERS}`, admin))
        .body.items as { id: string; strength: number }[];
      expect(ties).toHaveLength(WRITERS);

      // What the clients know: per participant and statement, per tie, and the actors created.
      const votes = voters.map(() => new Map<string, Tracked<number>>());
      const strengths = ties.map((t): Tracked<number> => ({ acked: t.strength, inFlight: undefined }));
      const actors: string[] = [];
      const figures: Figures = {
        engine: dialect,
        kills: 0,
        ackedVotes: 0,
        ackedActors: 0,
        ackedTiePatches: 0,
        refused: 0,
        lost: 0,
      };
      let requestSeq = 0;
      let seed = 0x2545f491;
      const random = () => {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return (seed >>> 0) / 2 ** 32;
      };

      /** One client: sequential requests until the server dies under it. */
      async function loop(step: () => Promise<void>): Promise<void> {
        for (;;) {
          try {
            await step();
          } catch {
            return; // connection refused or reset: the server is gone
          }
        }
      }
      const voter = (k: number) => async () => {
        const statementId = statements[Math.floor(random() * statements.length)].id;
        const value = Math.floor(random() * 3) - 1;
        const tracked = votes[k].get(statementId) ?? { acked: null, inFlight: undefined };
        votes[k].set(statementId, tracked);
        tracked.inFlight = value;
        const reply = await call(server, 'POST', `/api/dialogues/${dialogueId}/votes`, voters[k], {
          statement_id: statementId,
          vote: value,
          request_id: `crash-${dialect}-${++requestSeq}`,
        });
        tracked.inFlight = undefined;
        if (reply.status === 201) {
          tracked.acked = value;
          figures.ackedVotes++;
        } else figures.refused++;
      };
      const writer = (k: number) => async () => {
        if (random() < 0.5) {
          const reply = await call(server, 'POST', '/api/actors', admin, {
            workspace_id: workspaceId,
            conflict_id: conflictId,
            role: 'elder',
            track: '3',
          });
          if (reply.status === 201) {
            actors.push(reply.body.id);
            figures.ackedActors++;
          } else figures.refused++;
        } else {
          const tracked = strengths[k];
          const value = ((tracked.acked ?? 1) % 5) + 1;
          tracked.inFlight = value;
          const reply = await call(server, 'PATCH', `/api/ties/${ties[k].id}`, admin, { strength: value });
          tracked.inFlight = undefined;
          if (reply.status === 200) {
            tracked.acked = value;
            figures.ackedTiePatches++;
          } else figures.refused++;
        }
      };

      const losses: string[] = [];
      const lost = (what: string) => {
        figures.lost++;
        losses.push(`after kill ${figures.kills}: ${what}`);
      };

      /** After a restart: each acknowledged value is there (or the one in flight at the kill, if it landed). */
      async function check(): Promise<void> {
        for (const [k, headers] of voters.entries()) {
          const mine = (await call(server, 'GET', `/api/dialogues/${dialogueId}/statements`, headers)).body
            .items as { id: string; my_vote: number | null }[];
          const stored = new Map(mine.map((s) => [s.id, s.my_vote]));
          for (const [statementId, tracked] of votes[k]) {
            const now = stored.get(statementId) ?? null;
            const ok = allowed(tracked);
            if (!ok.includes(now)) {
              lost(`vote of participant ${k} on ${statementId}: allowed ${JSON.stringify(ok)}, found ${now}`);
            }
            // The client now knows what the database holds: the next kill is judged from here.
            tracked.acked = now;
            tracked.inFlight = undefined;
          }
        }
        for (const [k, tie] of ties.entries()) {
          const reply = await call(server, 'GET', `/api/ties/${tie.id}`, admin);
          if (reply.status !== 200 || !allowed(strengths[k]).includes(reply.body.strength)) {
            lost(
              `tie ${tie.id}: allowed ${JSON.stringify(allowed(strengths[k]))}, found ${reply.status} ${reply.body?.strength}`,
            );
          }
          strengths[k] = { acked: reply.body.strength, inFlight: undefined };
        }
        for (const id of actors) {
          const reply = await call(server, 'GET', `/api/actors/${id}`, admin);
          if (reply.status !== 200 || reply.body.id !== id) lost(`actor ${id}: ${reply.status}`);
        }
      }

      for (let round = 0; round < KILLS; round++) {
        const clients = [...voters.map((_, k) => loop(voter(k))), ...ties.map((_, k) => loop(writer(k)))];
        await sleep(300 + Math.floor(random() * 1200));
        await server.kill('SIGKILL');
        figures.kills++;
        await Promise.all(clients);
        await server.start();
        await check();
      }
      await server.kill('SIGTERM');

      // The chain is keyed by the master key the server made on its first start.
      const keyFile = join(dir, 'master.key');
      const keys = createVaultKeys(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
      const verdict = await verifyAuditChain(database.store.db, keys);
      const cli = spawnSync(process.execPath, [BIN, 'audit', 'verify', '--database', database.url], {
        encoding: 'utf8',
        env: { ...process.env, TRACKTWO_MASTER_KEY_FILE: keyFile },
      });
      console.log(
        `[crash] ${figures.engine}: ${figures.kills} kills, acknowledged ${figures.ackedVotes} votes, ` +
          `${figures.ackedActors} actors, ${figures.ackedTiePatches} tie patches (${figures.refused} refused); ` +
          `lost ${figures.lost}; audit ${verdict.ok ? `OK (${verdict.rows} rows)` : 'BROKEN'}`,
      );
      expect(figures.kills).toBe(KILLS);
      expect(figures.ackedVotes).toBeGreaterThan(0);
      expect(figures.ackedActors + figures.ackedTiePatches).toBeGreaterThan(0);
      expect(losses).toEqual([]);
      expect(figures.lost).toBe(0);
      expect(verdict).toMatchObject({ ok: true });
      expect(cli.status, cli.stdout + cli.stderr).toBe(0);
      expect(cli.stdout).toContain('OK: the audit chain is intact');
    });
  });
}
