import { currentAuditHead, verifyAuditChain, type VerifyOptions } from '../../security/audit.js';
import { listAuditRows, type AuditRow } from '../../store/repositories/audit-log.js';
import { requireAccess, requireOperator } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/**
 * The audit log as use cases: the whole chain is the operator's (it spans every workspace); one
 * workspace's rows are for those holding `audit.read` there (its administrators).
 */

/** Needs the master key: the chain is keyed, so without it a forged chain could not be told from one intact. */
export function verifyAudit(
  ctx: ServiceContext,
  options: Pick<VerifyOptions, 'head'> = {},
): ReturnType<typeof verifyAuditChain> {
  requireOperator(ctx.auth);
  return verifyAuditChain(ctx.db, ctx.keys, options);
}

/** The head and its digest, for the operator to keep outside the database (`verify --head`). */
export function auditHead(ctx: ServiceContext): ReturnType<typeof currentAuditHead> {
  requireOperator(ctx.auth);
  return currentAuditHead(ctx.db, ctx.keys);
}

export function auditLog(
  ctx: ServiceContext,
  filter: { workspaceId?: string; recordId?: string; limit: number },
): Promise<AuditRow[]> {
  return inTransaction(ctx, async (trx) => {
    // The operator reads any rows, those of a workspace since deleted too.
    if (filter.workspaceId && !ctx.auth?.system) {
      await requireAccess(trx, ctx.auth, 'audit.read', { workspaceId: filter.workspaceId });
    } else requireOperator(ctx.auth);
    return listAuditRows(trx, filter);
  });
}
