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
export type { PageOf } from '../../../src/domain/scalars.js';

/** Lists arrive as a page `{ items, total, limit, offset }`; tolerate a bare array as well. */
export function itemsOf<T>(payload: unknown): T[] {
  if (Array.isArray(payload)) return payload as T[];
  const page = payload as { items?: unknown } | null;
  return Array.isArray(page?.items) ? (page.items as T[]) : [];
}

export function totalOf(payload: unknown): number {
  if (Array.isArray(payload)) return payload.length;
  const page = payload as { total?: unknown } | null;
  return typeof page?.total === 'number' ? page.total : itemsOf(payload).length;
}
