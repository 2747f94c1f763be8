import { verifyAuditChain } from '../../security/audit.js';
import { listAuditRows, type AuditRow } from '../../store/repositories/audit-log.js';
import { requireAccess, requireOperator } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/**
 * The audit log as use cases: the whole chain is the operator's (it spans every workspace); one
 * workspace's rows are for those holding `audit.read` there (its administrators).
 */

export function verifyAudit(ctx: ServiceContext): ReturnType<typeof verifyAuditChain> {
  requireOperator(ctx.auth);
  return verifyAuditChain(ctx.db);
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
