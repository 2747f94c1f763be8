import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The device's own offline store (IndexedDB): the outbox of votes, answers and paper entries not yet
 * acknowledged by the server, and a few snapshots a page needs to open without the network (a survey form,
 * the statements this device has voted on). IndexedDB outlives a reload, a closed tab and the HTTP cache
 * being cleared; the app also asks for persistent storage so the browser does not evict it under pressure.
 */
export type OutboxKind = 'vote' | 'answer' | 'entry';

export interface OutboxItem {
  /** The request id: the same one goes with every try, so a replay changes nothing on the server. */
  id: string;
  kind: OutboxKind;
  /** What the waiting item belongs to (e.g. `dialogue:<id>`): each page shows its own waiting items. */
  scope: string;
  /** Same-origin API path, e.g. `/api/dialogues/<id>/votes`. */
  url: string;
  body: unknown;
  headers: Record<string, string>;
  queuedAt: number;
  attempts: number;
  /** When the server refused it for good (a coded error): kept, shown, never silently dropped. */
  refused?: { code: string; status: number; message: string };
}

interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: OutboxItem & { seq: number }; indexes: { seq: number } };
  snapshots: { key: string; value: { key: string; value: unknown; savedAt: number } };
}

const NAME = 'tracktwo-offline';
let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;

function db(): Promise<IDBPDatabase<OfflineSchema>> {
  opened ??= openDB<OfflineSchema>(NAME, 1, {
    upgrade(database) {
      const outbox = database.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('seq', 'seq');
      database.createObjectStore('snapshots', { keyPath: 'key' });
    },
  });
  return opened;
}

let counter = 0;

/** Adds an item at the end of the outbox (order is kept: a later vote on the same statement wins). */
export async function putOutbox(item: OutboxItem): Promise<void> {
  const database = await db();
  counter = Math.max(counter + 1, Date.now() * 1000);
  await database.put('outbox', { ...item, seq: counter });
}

/** Every waiting item, oldest first. */
export async function listOutbox(): Promise<OutboxItem[]> {
  const database = await db();
  return (await database.getAllFromIndex('outbox', 'seq')).map(({ seq: _seq, ...item }) => item);
}

export async function updateOutbox(item: OutboxItem): Promise<void> {
  const database = await db();
  const stored = await database.get('outbox', item.id);
  if (stored) await database.put('outbox', { ...item, seq: stored.seq });
}

export async function deleteOutbox(id: string): Promise<void> {
  await (await db()).delete('outbox', id);
}

export async function readSnapshot<T>(key: string): Promise<T | undefined> {
  try {
    return (await (await db()).get('snapshots', key))?.value as T | undefined;
  } catch {
    return undefined;
  }
}

export async function writeSnapshot(key: string, value: unknown): Promise<void> {
  try {
    await (await db()).put('snapshots', { key, value, savedAt: Date.now() });
  } catch {
    // No IndexedDB (a private window): the page still works online.
  }
}

/** Asks once that this origin's storage be kept even when the device runs short of space. */
let persistAsked = false;
export function askPersistentStorage(): void {
  if (persistAsked) return;
  persistAsked = true;
  void navigator.storage?.persist?.().catch(() => false);
}
