import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * WAL checkpoints of a busy SQLite file, on a thread of their own. Under `synchronous = NORMAL` commits
 * never fsync, but a checkpoint fsyncs the WAL and then the database file; run by the connection that
 * committed (SQLite's auto-checkpoint, every 1,000 pages), those syncs stall the event loop for tens of
 * milliseconds (above 100 ms measured on a loaded machine) every few commits of a steady write load.
 * Here a worker thread with its own connection runs PASSIVE checkpoints shortly after commits (PASSIVE
 * never blocks the writer), so the syncs happen off the event loop. The WAL only restarts after a
 * complete checkpoint, which a checkpoint racing a steady writer rarely is; the main connection keeps
 * an auto-checkpoint, raised to MAIN_AUTOCHECKPOINT_PAGES, which then finishes the few frames the worker
 * left and bounds the WAL.
 */

const CHECKPOINT_DELAY_MS = 20;
const MAIN_AUTOCHECKPOINT_PAGES = 4000;
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/** CommonJS run by `eval`, so it needs no TypeScript loader under tsx or vitest. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
let timer = null;
const checkpoint = () => {
  timer = null;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
};
parentPort.on('message', (message) => {
  if (message === 'stop') {
    if (timer) clearTimeout(timer);
    db.close();
    parentPort.close();
  } else if (!timer) timer = setTimeout(checkpoint, workerData.delayMs);
});
`;

interface Checkpointer {
  worker: Worker;
  exited: Promise<void>;
  alive: boolean;
}

const checkpointers = new WeakMap<SQLite.Database, Checkpointer>();
/** Connections whose checkpointer could not start or does not apply: asked once, not on every batch. */
const declined = new WeakSet<SQLite.Database>();

/** Starts background checkpoints of a file database in WAL mode; idempotent, and never throws. */
export function startWalCheckpointer(database: SQLite.Database): void {
  if (checkpointers.has(database) || declined.has(database) || !database.open) return;
  if (database.memory || String(database.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') {
    declined.add(database);
    return;
  }
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: database.name, delayMs: CHECKPOINT_DELAY_MS },
    });
  } catch (error) {
    // Not fatal: SQLite's own auto-checkpoint, on the committing connection, still runs.
    process.stderr.write(`tracktwo: no background WAL checkpoints (${(error as Error).message})\n`);
    declined.add(database);
    return;
  }
  worker.unref();
  const state: Checkpointer = { worker, exited: Promise.resolve(), alive: true };
  state.exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      state.alive = false;
      // Without the worker, SQLite's own auto-checkpoint takes over again.
      if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
      resolve();
    });
  });
  worker.on('error', (error) => {
    process.stderr.write(`tracktwo: background WAL checkpoints stopped (${error.message})\n`);
  });
  checkpointers.set(database, state);
  database.pragma(`wal_autocheckpoint = ${MAIN_AUTOCHECKPOINT_PAGES}`);
}

/** Tells the checkpointer that a transaction committed (it checkpoints a little later, batching commits). */
export function walCommitted(database: SQLite.Database): void {
  const state = checkpointers.get(database);
  if (state?.alive) state.worker.postMessage('commit');
}

/** Stops the worker and closes its connection (before the main connection closes and removes the WAL). */
export async function stopWalCheckpointer(database: SQLite.Database): Promise<void> {
  const state = checkpointers.get(database);
  if (!state) return;
  checkpointers.delete(database);
  if (state.alive) {
    // Referenced again while it stops: otherwise a process with nothing else to do would end before
    // the worker's exit, with this promise never settled.
    state.worker.ref();
    state.worker.postMessage('stop');
  }
  await state.exited;
}
