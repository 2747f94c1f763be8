/**
 * Vote ingestion over HTTP on embedded SQLite: the server (buildApp on a temp SQLite file, WAL) listens
 * on loopback in this process; a load generator in a child process sends votes with keep-alive and fixed
 * concurrency, bounded by count and time. Afterwards the rows are counted: every vote answered 201 must
 * be in the database (request ids one for one; votes one per participant and statement).
 * Run: npx tsx bench/deliberation/ingest.ts [--votes 1000000] [--seconds 30] [--concurrency 64]
 *        [--participants 5000] [--statements 100]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

interface LoadPlan {
  url: string;
  dialogueId: string;
  tokens: string[];
  statementIds: string[];
  votes: number;
  seconds: number;
  concurrency: number;
}

interface LoadReport {
  sent: number;
  status: Record<string, number>;
  /** Request ids answered 201 with (participant index, statement index). */
  accepted: [number, number][];
  latenciesMs: number[];
  /** Votes answered 201 in each whole second of the run (for "sustained": the slowest second counts). */
  perSecond: number[];
  /** When the slowest request was sent, in seconds from the start (warm-up or steady state?). */
  slowestAtSecond: number;
  elapsedMs: number;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/**
 * The load generator: `concurrency` keep-alive connections, each with one request in flight (no
 * pipelining, so latency is the honest round trip), written and read on raw sockets so the generator
 * costs little CPU next to the server on a small machine. Each vote has a fresh request id.
 */
async function generateLoad(plan: LoadPlan): Promise<LoadReport> {
  const { host, port } = new URL(plan.url);
  const path = `/api/dialogues/${plan.dialogueId}/votes`;
  const status: Record<string, number> = {};
  const accepted: [number, number][] = [];
  const latenciesMs: number[] = [];
  const perSecond: number[] = [];
  let slowest = { ms: -1, at: 0 };
  let sent = 0;
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const started = performance.now();
  const deadline = started + plan.seconds * 1000;
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: host.split(':')[0], port: Number(port) });
      socket.setNoDelay(true);
      let buffer = '';
      let current: { p: number; s: number; t0: number } | null = null;
      const sendNext = () => {
        if (sent >= plan.votes || performance.now() >= deadline) {
          socket.end();
          resolve();
          return;
        }
        const n = sent++;
        const p = Math.floor(random() * plan.tokens.length);
        const s = Math.floor(random() * plan.statementIds.length);
        const vote = [1, -1, 0][Math.floor(random() * 3)];
        const body = JSON.stringify({
          statement_id: plan.statementIds[s],
          vote,
          request_id: `bench-vote-${n}`,
        });
        current = { p, s, t0: performance.now() };
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
            `X-Participant-Token: ${plan.tokens[p]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      };
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        buffer += chunk;
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd < 0) return;
          const length = Number(/content-length: *(\d+)/i.exec(buffer.slice(0, headerEnd))?.[1] ?? 0);
          if (buffer.length < headerEnd + 4 + length) return;
          const code = buffer.slice(9, 12);
          buffer = buffer.slice(headerEnd + 4 + length);
          const latency = performance.now() - current!.t0;
          latenciesMs.push(latency);
          if (latency > slowest.ms) slowest = { ms: latency, at: (current!.t0 - started) / 1000 };
          status[code] = (status[code] ?? 0) + 1;
          if (code === '201') {
            accepted.push([current!.p, current!.s]);
            const second = Math.floor((performance.now() - started) / 1000);
            perSecond[second] = (perSecond[second] ?? 0) + 1;
          }
          sendNext();
        }
      });
      socket.on('error', reject);
      socket.on('connect', sendNext);
    });
  await Promise.all(Array.from({ length: plan.concurrency }, lane));
  const elapsedMs = performance.now() - started;
  // The last second is partial; seconds without an answer count as zero.
  const whole = Array.from({ length: Math.floor(elapsedMs / 1000) }, (_, i) => perSecond[i] ?? 0);
  return { sent, status, accepted, latenciesMs, perSecond: whole, slowestAtSecond: slowest.at, elapsedMs };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main() {
  const { createDatabase, migrateToLatest } = await import('../../src/store/database.js');
  const { buildApp } = await import('../../src/server/app.js');
  const { createVaultKeys } = await import('../../src/security/vault.js');
  const { systemAuth } = await import('../../src/security/auth.js');
  const { actingAs } = await import('../../src/services/context.js');
  const { createTestConflict, createTestInitiative, createTestWorkspace } =
    await import('../../test/support/records.js');
  const dialogues = await import('../../src/services/dialogues/index.js');
  const { randomBytes } = await import('node:crypto');

  const participants = option('participants', 5_000);
  const statements = option('statements', 100);
  const plan = {
    votes: option('votes', 1_000_000),
    seconds: option('seconds', 30),
    concurrency: option('concurrency', 64),
  };
  const dir = mkdtempSync(join(tmpdir(), 'tt-ingest-'));
  const store = createDatabase(`sqlite:${join(dir, 'bench.db')}`);
  await migrateToLatest(store.db);
  const keys = createVaultKeys(randomBytes(32));
  const system = actingAs({ db: store.db, dialect: 'sqlite', keys, auth: null }, systemAuth('ingest bench'));
  const W = await createTestWorkspace(system, 'Bench');
  const C = await createTestConflict(system, W.id, 'Bench conflict');
  const I = await createTestInitiative(system, W.id, C.id, 'Bench initiative');
  const dialogue = await dialogues.createDialogue(system, I.id, {
    meeting_id: null,
    divide_id: null,
    prompt: 'Bench dialogue',
    strict_moderation: false,
    hide_authors: false,
    seed: 0,
    statements: Array.from({ length: statements }, (_, i) => `Statement number ${i}`),
  });
  const statementIds = (await dialogues.listModerationQueue(system, dialogue.id)).map((s) => s.id);
  const tokens: string[] = [];
  while (tokens.length < participants) {
    const count = Math.min(1_000, participants - tokens.length);
    const issued = await dialogues.issueParticipantTokens(system, dialogue.id, {
      count,
      actor_id: null,
      group_id: null,
    });
    tokens.push(...issued.map((t) => t.token));
  }

  const app = await buildApp({ store, keys });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const generator = fork(fileURLToPath(import.meta.url), ['--generator'], { execArgv: process.execArgv });
  const loadBefore = loadavg()[0];
  const cpuBefore = process.cpuUsage();
  const report = await new Promise<LoadReport>((resolve, reject) => {
    generator.once('message', (message) => resolve(message as LoadReport));
    generator.once('error', reject);
    generator.send({
      url: `http://127.0.0.1:${port}`,
      dialogueId: dialogue.id,
      tokens,
      statementIds,
      ...plan,
    });
  });
  const cpu = process.cpuUsage(cpuBefore);
  const loadAfter = loadavg()[0];
  generator.kill();
  await app.close();

  const requestRows = Number(
    (
      await store.db
        .selectFrom('dialogue_vote_requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const voteRows = Number(
    (
      await store.db
        .selectFrom('dialogue_votes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('dialogue_id', '=', dialogue.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const distinctPairs = new Set(report.accepted.map(([p, s]) => p * statements + s)).size;
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const sorted = [...report.latenciesMs].sort((a, b) => a - b);
  const ok = report.status['201'] ?? 0;
  const figures = {
    participants,
    statements,
    concurrency: plan.concurrency,
    sent: report.sent,
    status: report.status,
    seconds: +(report.elapsedMs / 1000).toFixed(2),
    votesPerSecond: Math.round(ok / (report.elapsedMs / 1000)),
    /** Per whole second of the run: the slowest, the median and the fastest. */
    votesPerSecondRange: report.perSecond.length
      ? {
          min: Math.min(...report.perSecond),
          median: [...report.perSecond].sort((a, b) => a - b)[Math.floor(report.perSecond.length / 2)],
          max: Math.max(...report.perSecond),
        }
      : null,
    votesEachSecond: report.perSecond,
    latencyMs: {
      p50: +percentile(sorted, 0.5).toFixed(2),
      p99: +percentile(sorted, 0.99).toFixed(2),
      max: +sorted[sorted.length - 1].toFixed(2),
      maxSentAtSecond: +report.slowestAtSecond.toFixed(2),
    },
    serverCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    /** What one fully available core would sustain: on a shared, loaded machine the wall figure is lower. */
    votesPerServerCpuSecond: Math.round(ok / ((cpu.user + cpu.system) / 1e6)),
    /** One-minute load average of the machine before and after the run (2 cores shared with others). */
    loadAverage: [+loadBefore.toFixed(1), +loadAfter.toFixed(1)],
    rows: { requestIds: requestRows, votes: voteRows },
    lost: ok - requestRows,
    votesRowsMatchDistinctPairs: voteRows === distinctPairs,
  };
  console.log(JSON.stringify(figures, null, 2));
  if (figures.lost !== 0 || !figures.votesRowsMatchDistinctPairs) process.exitCode = 1;
}

if (process.argv.includes('--generator')) {
  process.once('message', (plan) => {
    void generateLoad(plan as LoadPlan).then((report) => process.send!(report, () => process.exit(0)));
  });
} else await main();
