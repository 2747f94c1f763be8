import type { Kysely } from 'kysely';
import { getMapVersions } from '../../store/repositories/map-versions.js';
import type { Database } from '../../store/schema.js';
import { readMapOnce, type MapRecipe } from './map.js';

/** A question some reader asked of a map, kept so it can be asked again after the map changes. */
interface Remembered {
  recipe: MapRecipe;
  question: WarmQuestion;
  /** The store version the answer in the cache is for; a newer one in the store makes it stale. */
  cachedAt: string | null;
  /** The store version seen at the last poll: a map still being written is left until it settles. */
  seen: string | null;
}

export interface WarmQuestion {
  metrics?: readonly string[];
  pivots?: number;
  seed?: number;
}

/** Computes a question's measures into the measure cache (analysis.ts's measuresOf). */
export type WarmCompute = (
  map: Awaited<ReturnType<typeof readMapOnce>> & { showNames: false },
  question: WarmQuestion,
) => Promise<unknown>;

/**
 * Warms the measure cache after a map changes, so the next reader's first call usually hits: the last
 * few questions readers asked (with each reader's evidence filter and selection: nothing beyond what
 * that reader was allowed to read) are asked again, in the background, once the map's version has
 * stopped moving for one poll. Nothing is sent anywhere: the answers wait in the cache, and a reader
 * still passes their own access check before getting one. One question at a time, on the thread and
 * worker pool the requests use; the poll reads one row per remembered conflict and only while there
 * is something remembered.
 */
export class MeasureWarmer {
  readonly #remembered = new Map<string, Remembered>();
  #timer: NodeJS.Timeout | undefined;
  #busy = false;
  warmed = 0;

  constructor(readonly capacity = 8) {}

  /** Called when a question was computed (a cache miss): worth warming after the next change. */
  remember(recipe: MapRecipe, question: WarmQuestion, key: string): void {
    this.#remembered.delete(key);
    this.#remembered.set(key, { recipe, question, cachedAt: recipe.storeVersion, seen: recipe.storeVersion });
    while (this.#remembered.size > this.capacity)
      this.#remembered.delete(this.#remembered.keys().next().value!);
  }

  start(db: Kysely<Database>, compute: WarmCompute, intervalMs = 2000): void {
    this.stop();
    this.#timer = setInterval(() => void this.poll(db, compute), intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One poll: reads the versions, and warms each question whose map changed and has settled. */
  async poll(db: Kysely<Database>, compute: WarmCompute): Promise<number> {
    if (this.#busy || this.#remembered.size === 0) return 0;
    this.#busy = true;
    let count = 0;
    try {
      const entries = [...this.#remembered.values()];
      const versions = await getMapVersions(db, [...new Set(entries.map((e) => e.recipe.conflictId))]);
      for (const entry of entries) {
        const now = versions.get(entry.recipe.conflictId) ?? null;
        const settled = now === entry.seen;
        entry.seen = now;
        if (now === null || now === entry.cachedAt || !settled) continue;
        const recipe = { ...entry.recipe, storeVersion: now };
        const map = await db.transaction().execute((trx) => readMapOnce(trx, recipe));
        await compute({ ...map, showNames: false }, entry.question);
        entry.cachedAt = now;
        entry.recipe = recipe;
        count += 1;
        this.warmed += 1;
      }
    } catch {
      // A map that cannot be read or computed now (deleted, a divide renamed away) is asked for again
      // by its reader, who then gets the coded error; the warmer has nobody to tell.
    } finally {
      this.#busy = false;
    }
    return count;
  }
}

/** The server's measure warmer: one per process, started and stopped with the app. */
export const measureWarmer = new MeasureWarmer();
