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

/** Every list arrives as `{ items, next? }` (src/domain/list.ts). */
export function itemsOf<T>(payload: unknown): T[] {
  const page = payload as { items?: unknown } | null;
  return Array.isArray(page?.items) ? (page.items as T[]) : [];
}

/** The offset of the next page, when there is one. */
export function nextOf(payload: unknown): number | undefined {
  const next = (payload as { next?: unknown } | null)?.next;
  return typeof next === 'number' ? next : undefined;
}

/** How many match: only the actor and tie lists say (their screens show it); else what this page holds. */
export function totalOf(payload: unknown): number {
  const page = payload as { total?: unknown } | null;
  return typeof page?.total === 'number' ? page.total : itemsOf(payload).length;
}
