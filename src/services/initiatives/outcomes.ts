import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Outcome,
  Transfer,
  TransferCreateParsed,
  outcomeCreateSchema,
  outcomePatchSchema,
  transferPatchSchema,
} from '../../domain/outcome.js';
import type { Page, PageOf } from '../../domain/scalars.js';
import { hasAccess } from '../../security/access.js';
import type { Auth } from '../../security/auth.js';
import * as repo from '../../store/repositories/outcomes.js';
import type { Database } from '../../store/schema.js';
import { audit, must, pageOf, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import type { TransferShown } from '../../domain/transfer-shown.js';

export type { TransferShown };

/** Recipients are actors: only those who may read the actor map see which; the others see how many. */
async function showTransfers(
  trx: Kysely<Database>,
  auth: Auth | null,
  initiativeId: string,
  transfers: Transfer[],
): Promise<TransferShown[]> {
  const actors = await hasAccess(trx, auth, 'actors.read', { initiativeId });
  return transfers.map((t) => ({
    ...t,
    recipient_actor_ids: actors ? t.recipient_actor_ids : [],
    recipient_count: t.recipient_actor_ids.length,
  }));
}

export function listOutcomes(
  ctx: ServiceContext,
  initiativeId: string,
  page: Page,
): Promise<PageOf<Outcome>> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'outcomes.read', { initiativeId });
    return pageOf(await repo.listOutcomes(trx, initiativeId), page);
  });
}

export function getOutcome(ctx: ServiceContext, id: string): Promise<Outcome> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'outcomes.read', { outcomeId: id });
    return must(await repo.getOutcome(trx, id), 'outcome');
  });
}

export function createOutcome(
  ctx: ServiceContext,
  input: z.output<typeof outcomeCreateSchema>,
): Promise<Outcome> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'outcomes.write', {
      initiativeId: input.initiative_id,
    });
    const outcome = await repo.createOutcome(trx, input);
    await audit(trx, ctx.keys, ctx.auth, 'outcome.create', 'outcome', outcome.id, grant.workspaceId);
    return outcome;
  });
}

export function updateOutcome(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof outcomePatchSchema>,
): Promise<Outcome> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'outcomes.write', { outcomeId: id });
    const outcome = must(await repo.updateOutcome(trx, id, changes), 'outcome');
    await audit(trx, ctx.keys, ctx.auth, 'outcome.update', 'outcome', id, grant.workspaceId);
    return outcome;
  });
}

export function deleteOutcome(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'outcomes.write', { outcomeId: id });
    await repo.deleteOutcome(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'outcome.delete', 'outcome', id, grant.workspaceId);
  });
}

export function listTransfers(
  ctx: ServiceContext,
  initiativeId: string,
  page: Page,
): Promise<PageOf<TransferShown>> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'outcomes.read', { initiativeId });
    const listed = pageOf(await repo.listTransfers(trx, { initiative_id: initiativeId }), page);
    return { ...listed, items: await showTransfers(trx, ctx.auth, initiativeId, listed.items) };
  });
}

export function getTransfer(ctx: ServiceContext, id: string): Promise<TransferShown> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'outcomes.read', { transferId: id });
    const transfer = must(await repo.getTransfer(trx, id), 'transfer');
    return (await showTransfers(trx, ctx.auth, grant.initiativeId!, [transfer]))[0];
  });
}

/** Hands an outcome to Track-I actors. */
export function createTransfer(ctx: ServiceContext, input: TransferCreateParsed): Promise<Transfer> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'transfers.write', { outcomeId: input.outcome_id });
    const { recipient_actor_ids, ...fields } = input;
    const transfer = await repo.createTransfer(trx, { ...fields, recipient_actor_ids });
    await audit(trx, ctx.keys, ctx.auth, 'transfer.create', 'transfer', transfer.id, grant.workspaceId);
    return transfer;
  });
}

/** What became of it: a status change with its date (`status_on`), or corrected recipients. */
export function updateTransfer(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof transferPatchSchema>,
): Promise<Transfer> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'transfers.write', { transferId: id });
    const transfer = must(await repo.updateTransfer(trx, id, changes), 'transfer');
    await audit(trx, ctx.keys, ctx.auth, 'transfer.update', 'transfer', id, grant.workspaceId);
    return transfer;
  });
}

export function deleteTransfer(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'transfers.write', { transferId: id });
    await repo.deleteTransfer(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'transfer.delete', 'transfer', id, grant.workspaceId);
  });
}
