import type { z } from 'zod';
import type {
  Conflict,
  ConflictEvent,
  Divide,
  conflictCreateSchema,
  conflictEventCreateSchema,
  conflictEventPatchSchema,
  conflictPatchSchema,
  divideCreateSchema,
} from '../../domain/conflict.js';
import type { Page, PageOf } from '../../domain/scalars.js';
import { listVisibleInitiatives } from '../../security/access.js';
import * as repo from '../../store/repositories/conflicts.js';
import { audit, must, pageOf, sameWorkspace, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/** Conflicts of a workspace the account may see: all for its administrators, else those of its initiatives. */
export function listConflicts(
  ctx: ServiceContext,
  workspaceId: string,
  page: Page,
): Promise<PageOf<Conflict>> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'workspace.read', { workspaceId });
    const all = await repo.listConflicts(trx, workspaceId);
    if (grant.admin) return pageOf(all, page);
    const visible = new Set(
      (await listVisibleInitiatives(trx, ctx.auth, { workspaceId })).map(
        (initiative) => initiative.conflictId,
      ),
    );
    return pageOf(
      all.filter((conflict) => visible.has(conflict.id)),
      page,
    );
  });
}

export function getConflict(ctx: ServiceContext, id: string): Promise<Conflict> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'conflict.read', { conflictId: id });
    return must(await repo.getConflict(trx, id), 'conflict');
  });
}

export function createConflict(
  ctx: ServiceContext,
  input: z.output<typeof conflictCreateSchema>,
): Promise<Conflict> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'conflict.write', { workspaceId: input.workspace_id });
    const conflict = await repo.createConflict(trx, input);
    await audit(trx, ctx.keys, ctx.auth, 'conflict.create', 'conflict', conflict.id, conflict.workspace_id);
    return conflict;
  });
}

export function updateConflict(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof conflictPatchSchema>,
): Promise<Conflict> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'conflict.write', { conflictId: id });
    const conflict = must(await repo.updateConflict(trx, id, changes), 'conflict');
    await audit(trx, ctx.keys, ctx.auth, 'conflict.update', 'conflict', id, grant.workspaceId);
    return conflict;
  });
}

/** Refused (409) while initiatives still belong to the conflict. */
export function deleteConflict(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'conflict.write', { conflictId: id });
    must((await repo.deleteConflict(trx, id)) || undefined, 'conflict');
    await audit(trx, ctx.keys, ctx.auth, 'conflict.delete', 'conflict', id, grant.workspaceId);
  });
}

export function addDivide(
  ctx: ServiceContext,
  conflictId: string,
  input: z.output<typeof divideCreateSchema>,
): Promise<Divide> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'conflict.write', { conflictId });
    const divide = await repo.addDivide(trx, conflictId, input);
    await audit(trx, ctx.keys, ctx.auth, 'divide.create', 'divide', divide.id, grant.workspaceId);
    return divide;
  });
}

export function listConflictEvents(
  ctx: ServiceContext,
  conflictId: string,
  page: Page,
): Promise<PageOf<ConflictEvent>> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'conflict.read', { conflictId });
    return pageOf(await repo.listConflictEvents(trx, conflictId), page);
  });
}

export function createConflictEvent(
  ctx: ServiceContext,
  input: z.output<typeof conflictEventCreateSchema>,
): Promise<ConflictEvent> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'conflict.write', { conflictId: input.conflict_id });
    const event = await repo.createConflictEvent(trx, input);
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'conflict_event.create',
      'conflict_event',
      event.id,
      grant.workspaceId,
    );
    return event;
  });
}

export function updateConflictEvent(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof conflictEventPatchSchema>,
): Promise<ConflictEvent> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'conflict.write', { conflictEventId: id });
    const event = must(await repo.updateConflictEvent(trx, id, changes), 'conflict event');
    await audit(trx, ctx.keys, ctx.auth, 'conflict_event.update', 'conflict_event', id, grant.workspaceId);
    return event;
  });
}

export function deleteConflictEvent(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'conflict.write', { conflictEventId: id });
    await repo.deleteConflictEvent(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'conflict_event.delete', 'conflict_event', id, grant.workspaceId);
  });
}

export { sameWorkspace };
