import type { z } from 'zod';
import type { Page, PageOf } from '../../domain/scalars.js';
import type { Workspace, workspaceCreateSchema, workspacePatchSchema } from '../../domain/workspace.js';
import { listVisibleInitiatives } from '../../security/access.js';
import * as repo from '../../store/repositories/workspaces.js';
import { addWorkspaceAdmin, adminWorkspacesOf } from '../../store/repositories/memberships.js';
import { audit, must, pageOf, requireAccess, requireInstanceAdmin, requireSignedIn } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/** The workspaces the account administers or holds a role in. */
export function listWorkspaces(ctx: ServiceContext, page: Page): Promise<PageOf<Workspace>> {
  return inTransaction(ctx, async (trx) => {
    await requireSignedIn(trx, ctx.auth);
    const visible = await listVisibleInitiatives(trx, ctx.auth);
    const ids = new Set(visible.map((initiative) => initiative.workspaceId));
    if (ctx.auth?.system) return pageOf(await repo.listWorkspaces(trx), page);
    for (const id of await adminWorkspacesOf(trx, ctx.auth!.accountId)) ids.add(id);
    return pageOf(await repo.listWorkspaces(trx, { ids: [...ids] }), page);
  });
}

export function getWorkspace(ctx: ServiceContext, id: string): Promise<Workspace> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.read', { workspaceId: id });
    return must(await repo.getWorkspace(trx, id), 'workspace');
  });
}

/** Any account may open a workspace of its own; it becomes its administrator. */
export function createWorkspace(
  ctx: ServiceContext,
  input: z.output<typeof workspaceCreateSchema>,
): Promise<Workspace> {
  return inTransaction(ctx, async (trx) => {
    await requireInstanceAdmin(trx, ctx.auth);
    const workspace = await repo.createWorkspace(trx, input);
    await audit(trx, ctx.keys, ctx.auth, 'workspace.create', 'workspace', workspace.id, workspace.id);
    if (ctx.auth && !ctx.auth.system) {
      await addWorkspaceAdmin(trx, workspace.id, ctx.auth.accountId);
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'admin.grant',
        'workspace_admin',
        `${workspace.id}/${ctx.auth.accountId}`,
        workspace.id,
      );
    }
    return workspace;
  });
}

export function updateWorkspace(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof workspacePatchSchema>,
): Promise<Workspace> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.manage', { workspaceId: id });
    const workspace = must(await repo.updateWorkspace(trx, id, changes), 'workspace');
    await audit(trx, ctx.keys, ctx.auth, 'workspace.update', 'workspace', id, id);
    return workspace;
  });
}

export function deleteWorkspace(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.manage', { workspaceId: id });
    must((await repo.deleteWorkspace(trx, id)) || undefined, 'workspace');
    await audit(trx, ctx.keys, ctx.auth, 'workspace.delete', 'workspace', id, null);
  });
}
