import type { z } from 'zod';
import type { PageOf } from '../domain/scalars.js';
import type { Tie, tieCreateSchema, tieFilterSchema, tiePatchSchema } from '../domain/tie.js';
import * as repo from '../store/repositories/ties.js';
import { audit, must, sameWorkspace, requireAccessOn } from './common.js';
import { inTransaction, type ServiceContext } from './context.js';

export function listTies(
  ctx: ServiceContext,
  conflictId: string,
  filter: z.output<typeof tieFilterSchema>,
): Promise<PageOf<Tie>> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccessOn(trx, ctx.auth, 'actors.read', { conflictId });
    return repo.listTies(trx, grant.workspaceId, { ...filter, conflict_id: conflictId });
  });
}

async function tieScope(trx: Parameters<typeof repo.getTie>[0], id: string) {
  const tie = must(await repo.getTie(trx, id), 'tie');
  return { tie, scope: { conflictId: tie.conflict_id } };
}

export function getTie(ctx: ServiceContext, id: string): Promise<Tie> {
  return inTransaction(ctx, async (trx) => {
    const { tie, scope } = await tieScope(trx, id);
    await requireAccessOn(trx, ctx.auth, 'actors.read', scope);
    return tie;
  });
}

export function createTie(ctx: ServiceContext, input: z.output<typeof tieCreateSchema>): Promise<Tie> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccessOn(trx, ctx.auth, 'ties.write', { conflictId: input.conflict_id });
    sameWorkspace(input.workspace_id, grant.workspaceId);
    const tie = await repo.createTie(trx, input);
    await audit(trx, ctx.auth, 'tie.create', 'tie', tie.id, grant.workspaceId);
    return tie;
  });
}

export function updateTie(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof tiePatchSchema>,
): Promise<Tie> {
  return inTransaction(ctx, async (trx) => {
    const { scope } = await tieScope(trx, id);
    const grant = await requireAccessOn(trx, ctx.auth, 'ties.write', scope);
    const tie = must(await repo.updateTie(trx, id, changes), 'tie');
    await audit(trx, ctx.auth, 'tie.update', 'tie', id, grant.workspaceId);
    return tie;
  });
}

export function deleteTie(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const { scope } = await tieScope(trx, id);
    const grant = await requireAccessOn(trx, ctx.auth, 'ties.write', scope);
    await repo.deleteTie(trx, id);
    await audit(trx, ctx.auth, 'tie.delete', 'tie', id, grant.workspaceId);
  });
}
