import type { z } from 'zod';
import { TrackTwoError } from '../../domain/errors.js';
import type { Initiative, initiativeCreateSchema, initiativePatchSchema } from '../../domain/initiative.js';
import type { Page, PageOf } from '../../domain/scalars.js';
import { hasAccess, listVisibleInitiatives } from '../../security/access.js';
import * as repo from '../../store/repositories/initiatives.js';
import { audit, must, pageOf, requireAccess, grants } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { coarsenStoredPlaces } from '../privacy/location.js';

/**
 * Who convenes and facilitates is itself a list of actors (pseudonymous ids): only those who may read the
 * actor map see it; the others see the initiative without it.
 */
function shown(initiative: Initiative, mayReadActors: boolean): Initiative {
  return mayReadActors ? initiative : { ...initiative, actors: [] };
}

export function listInitiatives(
  ctx: ServiceContext,
  workspaceId: string,
  page: Page,
): Promise<PageOf<Initiative>> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.read', { workspaceId });
    const visible = await listVisibleInitiatives(trx, ctx.auth, { workspaceId });
    const readsActors = new Set(visible.filter((v) => grants(v, 'actors.read')).map((v) => v.id));
    const initiatives = await repo.listInitiatives(trx, workspaceId, { ids: visible.map((v) => v.id) });
    const listed = pageOf(initiatives, page);
    return { ...listed, items: listed.items.map((i) => shown(i, readsActors.has(i.id))) };
  });
}

export function getInitiative(ctx: ServiceContext, id: string): Promise<Initiative> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'initiative.read', { initiativeId: id });
    const initiative = must(await repo.getInitiative(trx, id), 'initiative');
    return shown(initiative, await hasAccess(trx, ctx.auth, 'actors.read', { initiativeId: id }));
  });
}

/** Opening an initiative is the workspace administrators' (they then name its conveners as members). */
export function createInitiative(
  ctx: ServiceContext,
  input: z.output<typeof initiativeCreateSchema>,
): Promise<Initiative> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'conflict.write', { conflictId: input.conflict_id });
    if (input.workspace_id !== grant.workspaceId) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'workspace_id',
        reason: 'not the conflict’s workspace',
      });
    }
    const initiative = await repo.createInitiative(trx, input);
    // A new initiative allows no finer place than the default: the actors of its conflict follow.
    await coarsenStoredPlaces(trx, initiative);
    await audit(trx, ctx.keys, ctx.auth, 'initiative.create', 'initiative', initiative.id, grant.workspaceId);
    return initiative;
  });
}

export function updateInitiative(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof initiativePatchSchema>,
): Promise<Initiative> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'initiative.write', { initiativeId: id });
    const initiative = must(await repo.updateInitiative(trx, id, changes), 'initiative');
    await audit(trx, ctx.keys, ctx.auth, 'initiative.update', 'initiative', id, grant.workspaceId);
    return initiative;
  });
}

/** Deletes the initiative with its meetings, outcomes and transfers (administrators only). */
export function deleteInitiative(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'workspace.manage', { initiativeId: id });
    await repo.deleteInitiative(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'initiative.delete', 'initiative', id, grant.workspaceId);
  });
}
