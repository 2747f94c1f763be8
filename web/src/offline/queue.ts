import { OFFLINE_ERROR } from '../api/client.js';
import {
  askPersistentStorage,
  deleteOutbox,
  listOutbox,
  putOutbox,
  updateOutbox,
  type OutboxItem,
  type OutboxKind,
} from './store.js';

/**
 * The sync loop: every vote, answer or paper entry is written to the outbox first, then sent; it leaves
 * the outbox only once the server acknowledged it (or said it already had it). Without a line it waits:
 * the `online` event and a retry with backoff (1 s doubling to 1 min) send it later, in order.
 */

/** Codes that mean "the server already has this very request": delivered, not refused. */
const ALREADY_THERE = new Set(['TT_ERR_DIALOGUE_REPLAYED_VOTE']);

export type SendOutcome =
  | { state: 'sent'; result: unknown }
  | { state: 'waiting' }
  | { state: 'refused'; code: string; status: number; message: string };

type Listener = (items: OutboxItem[]) => void;
const listeners = new Set<Listener>();
let snapshot: OutboxItem[] = [];
let flushing: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let delay = 1000;
let started = false;
const outcomes = new Map<string, (outcome: SendOutcome) => void>();

async function publish(): Promise<void> {
  try {
    snapshot = await listOutbox();
  } catch {
    snapshot = [];
  }
  for (const listener of listeners) listener(snapshot);
}

/** Follows the outbox; the listener is called at once with what is waiting now. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  listener(snapshot);
  start();
  return () => listeners.delete(listener);
}

function start(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    delay = 1000;
    void flush();
  });
  void publish().then(() => flush());
}

function schedule(): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    void flush();
  }, delay);
  delay = Math.min(delay * 2, 60_000);
}

async function attempt(item: OutboxItem): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(item.url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...item.headers },
      body: JSON.stringify(item.body),
    });
  } catch {
    return { state: 'waiting' };
  }
  const text = await response.text().catch(() => '');
  let payload: unknown = undefined;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (response.ok) return { state: 'sent', result: payload };
  const error = (payload as { error?: { code?: string; message?: string } } | undefined)?.error;
  const code = error?.code ?? 'TT_ERR_HTTP';
  if (ALREADY_THERE.has(code)) return { state: 'sent', result: undefined };
  // A server in trouble, a rate limit, a proxy with no JSON: try again later, never drop.
  if (response.status >= 500 || response.status === 429 || response.status === 408 || !text.startsWith('{')) {
    return { state: 'waiting' };
  }
  return { state: 'refused', code, status: response.status, message: error?.message ?? '' };
}

async function runFlush(): Promise<void> {
  const items = await listOutbox();
  for (const item of items) {
    if (item.refused) continue;
    const result = await attempt(item);
    if (result.state === 'waiting') {
      await updateOutbox({ ...item, attempts: item.attempts + 1 });
      schedule();
      break;
    }
    if (result.state === 'sent') {
      await deleteOutbox(item.id);
      delay = 1000;
    } else
      await updateOutbox({
        ...item,
        attempts: item.attempts + 1,
        refused: { code: result.code, status: result.status, message: result.message },
      });
    outcomes.get(item.id)?.(result);
    outcomes.delete(item.id);
  }
  await publish();
}

/** Sends what waits, oldest first; stops at the first that cannot reach the server and retries later. */
export function flush(): Promise<void> {
  if (flushing) return flushing.then(() => flush());
  flushing = runFlush()
    .catch(() => schedule())
    .finally(() => {
      flushing = null;
    });
  return flushing;
}

/**
 * Keeps a request in the outbox and tries to send it now. Resolves with what became of it: sent (with the
 * server's answer), waiting (no line: it goes later by itself) or refused (a coded error to show).
 */
export async function send(input: {
  id: string;
  kind: OutboxKind;
  scope: string;
  url: string;
  body: unknown;
  headers?: Record<string, string>;
}): Promise<SendOutcome> {
  start();
  askPersistentStorage();
  const item: OutboxItem = { ...input, headers: input.headers ?? {}, queuedAt: Date.now(), attempts: 0 };
  try {
    await putOutbox(item);
  } catch {
    // No IndexedDB here (a private window): send directly, as before, and say so if it fails.
    const direct = await attempt(item);
    if (direct.state === 'waiting') return { state: 'refused', code: OFFLINE_ERROR, status: 0, message: '' };
    return direct;
  }
  await publish();
  const outcome = new Promise<SendOutcome>((resolve) => outcomes.set(item.id, resolve));
  await flush();
  if (!outcomes.has(item.id)) return outcome;
  outcomes.delete(item.id);
  return { state: 'waiting' };
}

/** Drops an item the server refused, once the person has read why (the page offers it). */
export async function discard(id: string): Promise<void> {
  await deleteOutbox(id);
  await publish();
}

export function newRequestId(kind: OutboxKind): string {
  return `${kind}-${crypto.randomUUID()}`;
}
