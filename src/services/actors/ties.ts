import type { z } from 'zod';
import { raiseIssue } from '../../domain/rule-issue.js';
import type { PageOf } from '../../domain/scalars.js';
import { checkTieDates, checkTieScope } from '../../domain/tie-checks.js';
import type { Tie, tieCreateSchema, tieFilterSchema, tiePatchSchema } from '../../domain/tie.js';
import * as repo from '../../store/repositories/ties.js';
import { audit, must, sameWorkspace, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { tieEvidenceFor } from './tie-visibility.js';

export function listTies(
  ctx: ServiceContext,
  conflictId: string,
  filter: z.output<typeof tieFilterSchema>,
): Promise<PageOf<Tie>> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'actors.read', { conflictId });
    const evidence = await tieEvidenceFor(trx, ctx.auth, grant.workspaceId);
    return repo.listTies(trx, grant.workspaceId, { ...filter, conflict_id: conflictId }, evidence);
  });
}

/**
 * The tie after `permission` on its conflict. A tie the caller may not see (see tie-visibility.ts) is
 * not found, for reading and writing alike: the answer must not differ from that for a missing id.
 */
async function tieFor(
  trx: Parameters<typeof repo.getTie>[0],
  auth: ServiceContext['auth'],
  permission: 'actors.read' | 'ties.write',
  id: string,
) {
  const grant = await requireAccess(trx, auth, permission, { tieId: id });
  const evidence = await tieEvidenceFor(trx, auth, grant.workspaceId);
  const tie = must(await repo.getTie(trx, id, evidence), 'tie');
  return { tie, grant };
}

export function getTie(ctx: ServiceContext, id: string): Promise<Tie> {
  return inTransaction(ctx, async (trx) => (await tieFor(trx, ctx.auth, 'actors.read', id)).tie);
}

export function createTie(ctx: ServiceContext, input: z.output<typeof tieCreateSchema>): Promise<Tie> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'ties.write', { conflictId: input.conflict_id });
    sameWorkspace(input.workspace_id, grant.workspaceId);
    const ends = [input.source_actor_id, input.target_actor_id];
    raiseIssue(checkTieScope(input, await repo.actorScopes(trx, ends)));
    const tie = await repo.createTie(trx, input);
    await audit(trx, ctx.keys, ctx.auth, 'tie.create', 'tie', tie.id, grant.workspaceId);
    return tie;
  });
}

export function updateTie(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof tiePatchSchema>,
): Promise<Tie> {
  return inTransaction(ctx, async (trx) => {
    const { grant } = await tieFor(trx, ctx.auth, 'ties.write', id);
    // The patch alone may be in order yet turn the stored range backwards.
    const stored = must(await repo.getTie(trx, id), 'tie');
    raiseIssue(checkTieDates({ ...stored, ...changes }));
    const tie = must(await repo.updateTie(trx, id, changes), 'tie');
    await audit(trx, ctx.keys, ctx.auth, 'tie.update', 'tie', id, grant.workspaceId);
    return tie;
  });
}

export function deleteTie(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const { grant } = await tieFor(trx, ctx.auth, 'ties.write', id);
    await repo.deleteTie(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'tie.delete', 'tie', id, grant.workspaceId);
  });
}
