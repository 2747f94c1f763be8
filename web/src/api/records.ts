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

/** A list as it arrives: `{ items, next? }` (src/domain/list.ts); the actor and tie lists add `total`. */
type ListOf<T> = { items: T[]; next?: number; total?: number } | PageOf<T>;

export function itemsOf<T>(payload: ListOf<T> | null | undefined): T[] {
  return Array.isArray(payload?.items) ? payload.items : [];
}

/** The offset of the next page, when there is one. */
export function nextOf<T>(payload: ListOf<T> | null | undefined): number | undefined {
  const next = (payload as { next?: unknown } | null | undefined)?.next;
  return typeof next === 'number' ? next : undefined;
}

/** How many match: only the actor and tie lists say (their screens show it); else what this page holds. */
export function totalOf<T>(payload: ListOf<T> | null | undefined): number {
  return typeof payload?.total === 'number' ? payload.total : itemsOf(payload).length;
}

/** A form's text as a value of a closed list, or undefined (a blank filter, "any"). */
export function oneOf<const L extends readonly string[]>(list: L, value: string): L[number] | undefined {
  return (list as readonly string[]).includes(value) ? value : undefined;
}
