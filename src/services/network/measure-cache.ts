import { createHash } from 'node:crypto';
import type { NetworkInput } from '../../network/network-input.js';

/**
 * The version of a map as the network core sees it: a digest of its actors (pseudonym, side, track, role)
 * and of the ties that passed the filter (ends, strength, kind, dates, confidence), in order. Any change
 * to an actor or a tie that can change a measure changes the version; a change that cannot (a note, a
 * name in the vault) leaves it, so the measures stay cached.
 */
export function mapVersion(input: NetworkInput): string {
  const hash = createHash('sha256');
  hash.update(input.directed ? 'directed\n' : 'undirected\n');
  for (const node of input.nodes) {
    hash.update(`n\t${node.id}\t${node.group ?? ''}\t${node.track ?? ''}\t${String(node.role ?? '')}\n`);
  }
  for (const tie of input.ties) {
    hash.update(
      `t\t${tie.source}\t${tie.target}\t${tie.strength ?? ''}\t${tie.kind ?? ''}\t${tie.startDate ?? ''}\t${tie.endDate ?? ''}\t${tie.confidence ?? ''}\n`,
    );
  }
  return hash.digest('base64url').slice(0, 22);
}

/**
 * Measures computed once per version of a map and question, and kept for the next request: a bounded
 * least-recently-used store. A key names the conflict, the map's version and the question (measures,
 * seed, pivots), so a change to any actor or tie is a new key and the old entry ages out. Only what the
 * core computes on pseudonyms is kept; names are added per request, after the caller's access is checked.
 * A computation under way is shared by the requests that ask for it meanwhile.
 */
export class MeasureCache {
  readonly #entries = new Map<string, Promise<unknown>>();
  #hits = 0;
  #misses = 0;

  constructor(readonly capacity = 24) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const found = this.#entries.get(key);
    if (found) {
      this.#hits += 1;
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found as Promise<T>;
    }
    this.#misses += 1;
    const pending = compute();
    this.#entries.set(key, pending);
    while (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    try {
      return await pending;
    } catch (error) {
      // A failed or cancelled computation is not kept: the next request computes again.
      if (this.#entries.get(key) === pending) this.#entries.delete(key);
      throw error;
    }
  }

  /** Forgets every entry of a conflict (its map changed); entries of other conflicts stay. */
  forgetConflict(conflictId: string): void {
    for (const key of [...this.#entries.keys()]) {
      if (key.startsWith(`${conflictId}|`)) this.#entries.delete(key);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.#hits, misses: this.#misses, size: this.#entries.size };
  }
}

/** The key of a question on a version of a conflict's map. */
export function measureKey(conflictId: string, version: string, question: Record<string, unknown>): string {
  const parts = Object.keys(question)
    .sort()
    .filter((field) => question[field] !== undefined)
    .map((field) => `${field}=${JSON.stringify(question[field])}`);
  return `${conflictId}|${version}|${parts.join('&')}`;
}

/** The server's measure cache: one per process. */
export const measureCache = new MeasureCache();
