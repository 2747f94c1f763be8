/**
 * The record shapes the app reads, taken from src/domain as types only: `import type` is erased at build
 * time, so zod never reaches the browser bundle.
 */
export type { Actor, ActorIdentity } from '../../../src/domain/actor.js';
export type { Tie } from '../../../src/domain/tie.js';
export type { Initiative } from '../../../src/domain/initiative.js';
export type { Meeting, Attendance } from '../../../src/domain/meeting.js';
export type { Outcome, Transfer } from '../../../src/domain/outcome.js';
export type { Conflict, Divide, Group } from '../../../src/domain/conflict.js';
export type { Workspace } from '../../../src/domain/workspace.js';
import type { PageOf } from '../../../src/domain/scalars.js';
export type { PageOf };

/** Lists arrive as a page `{ items, total, limit, offset }`; tolerate a bare array as well. */
export function itemsOf<T>(payload: PageOf<T> | { items: T[] } | T[] | null | undefined): T[] {
  if (Array.isArray(payload)) return payload;
  return Array.isArray(payload?.items) ? payload.items : [];
}

export function totalOf<T>(payload: PageOf<T> | T[] | null | undefined): number {
  if (Array.isArray(payload)) return payload.length;
  return typeof payload?.total === 'number' ? payload.total : itemsOf(payload).length;
}

/** A form's text as a value of a closed list, or undefined (a blank filter, "any"). */
export function oneOf<const L extends readonly string[]>(list: L, value: string): L[number] | undefined {
  return (list as readonly string[]).includes(value) ? value : undefined;
}
