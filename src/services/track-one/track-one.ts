import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import {
  agreementIssue,
  fundingGap,
  normaliseDate,
  type BudgetLine,
  type Disbursement,
  type Funder,
  type FundingGap,
  type PeaceIndicator,
  type PeaceReport,
  type Pledge,
  type Resources,
  type TrackOneEvent,
  type TrackOneEventCreate,
  type TrackOneEventPatch,
  type TrackOneMarker,
} from '../../domain/track-one.js';
import { hasAccess, listVisibleInitiatives } from '../../security/access.js';
import type { Auth } from '../../security/auth.js';
import * as repo from '../../store/repositories/track-one.js';
import type { StoredTrackOneEvent } from '../../store/repositories/track-one.js';
import type { Database } from '../../store/schema.js';
import { audit, grants, must, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/** Parties are actors: only those who may read the actor map see which; the others see how many. */
async function showEvents(
  trx: Kysely<Database>,
  auth: Auth | null,
  conflictId: string,
  events: StoredTrackOneEvent[],
): Promise<TrackOneEvent[]> {
  const actors = await hasAccess(trx, auth, 'actors.read', { conflictId });
  return events.map((event) => ({
    ...event,
    party_actor_ids: actors ? event.party_actor_ids : [],
    party_count: event.party_actor_ids.length,
  }));
}

function invalid(issue: { field: string; reason: string }): TrackTwoError {
  return new TrackTwoError('TT_ERR_VALIDATION', { field: issue.field, reason: issue.reason });
}

export function listTrackOneEvents(
  ctx: ServiceContext,
  conflictId: string,
  period: { from?: string; to?: string } = {},
): Promise<TrackOneEvent[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'trackone.read', { conflictId });
    return showEvents(trx, ctx.auth, conflictId, await repo.listTrackOneEvents(trx, conflictId, period));
  });
}

export function getTrackOneEvent(ctx: ServiceContext, id: string): Promise<TrackOneEvent> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'trackone.read', { trackOneEventId: id });
    const event = must(await repo.getTrackOneEvent(trx, id), 'Track-I event');
    return (await showEvents(trx, ctx.auth, grant.conflictId!, [event]))[0];
  });
}

export function createTrackOneEvent(ctx: ServiceContext, input: TrackOneEventCreate): Promise<TrackOneEvent> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'trackone.write', { conflictId: input.conflict_id });
    const { conflict_id, ...fields } = input;
    const event = await repo.createTrackOneEvent(trx, conflict_id, {
      ...fields,
      occurred_on: normaliseDate(fields.occurred_on, fields.date_precision),
    });
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'track_one_event.create',
      'track_one_event',
      event.id,
      grant.workspaceId,
    );
    return (await showEvents(trx, ctx.auth, conflict_id, [event]))[0];
  });
}

/** A patch is checked on the merged record: turning an agreement into a ceasefire drops its coding too. */
export function updateTrackOneEvent(
  ctx: ServiceContext,
  id: string,
  changes: TrackOneEventPatch,
): Promise<TrackOneEvent> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'trackone.write', { trackOneEventId: id });
    const current = must(await repo.getTrackOneEvent(trx, id), 'Track-I event');
    const { id: _id, conflict_id: _c, created_at: _a, updated_at: _u, ...fields } = current;
    const merged = { ...fields, ...changes };
    const issue = agreementIssue(merged);
    if (issue) throw invalid(issue);
    merged.occurred_on = normaliseDate(merged.occurred_on, merged.date_precision);
    const event = await repo.replaceTrackOneEvent(trx, current, merged);
    await audit(trx, ctx.keys, ctx.auth, 'track_one_event.update', 'track_one_event', id, grant.workspaceId);
    return (await showEvents(trx, ctx.auth, current.conflict_id, [event]))[0];
  });
}

export function deleteTrackOneEvent(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'trackone.write', { trackOneEventId: id });
    must(await repo.getTrackOneEvent(trx, id), 'Track-I event');
    await repo.deleteTrackOneEvent(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'track_one_event.delete', 'track_one_event', id, grant.workspaceId);
  });
}

/**
 * The Track-I events of a conflict as the context view marks them on its timeline (kind, date as known,
 * title; no parties), for whoever may read the timeline.
 */
export function trackOneMarkersOf(
  ctx: ServiceContext,
  conflictId: string,
  period: { from?: string; to?: string } = {},
): Promise<TrackOneMarker[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'trackone.read', { conflictId });
    const events = await repo.listTrackOneEvents(trx, conflictId, period);
    return events.map(({ id, kind, occurred_on, date_precision, title }) => ({
      id,
      kind,
      occurred_on,
      date_precision,
      title,
    }));
  });
}

/** Names (or clears) the Track-I event a transfer fed: an event of the transfer's own conflict. */
export function linkTransferToTrackOne(
  ctx: ServiceContext,
  transferId: string,
  eventId: string | null,
): Promise<{ transfer_id: string; track_one_event_id: string | null }> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'transfers.write', { transferId });
    if (eventId) {
      const event = await repo.getTrackOneEvent(trx, eventId);
      if (!event || event.conflict_id !== (await repo.conflictOfTransfer(trx, transferId)))
        throw invalid({ field: 'track_one_event_id', reason: 'not a Track-I event of this conflict' });
    }
    await repo.setTransferTrackOneEvent(trx, transferId, eventId);
    await audit(trx, ctx.keys, ctx.auth, 'transfer.track_one', 'transfer', transferId, grant.workspaceId);
    return { transfer_id: transferId, track_one_event_id: eventId };
  });
}

export function getTransferTrackOne(
  ctx: ServiceContext,
  transferId: string,
): Promise<{ transfer_id: string; track_one_event_id: string | null }> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'outcomes.read', { transferId });
    return { transfer_id: transferId, track_one_event_id: await repo.transferTrackOneEvent(trx, transferId) };
  });
}

// --- peace indicators ---

export function listPeaceIndicators(
  ctx: ServiceContext,
  initiativeId: string,
  filter: { area?: string; month?: string } = {},
): Promise<PeaceIndicator[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'indicators.read', { initiativeId });
    return repo.listPeaceIndicators(trx, initiativeId, filter);
  });
}

/** A field monitor's report of one area and month: all its entries are written, or none. */
export function reportPeaceIndicators(
  ctx: ServiceContext,
  initiativeId: string,
  report: PeaceReport,
): Promise<PeaceIndicator[]> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'indicators.write', { initiativeId });
    await repo.upsertPeaceReport(trx, initiativeId, ctx.auth?.accountId ?? null, report);
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'peace_indicators.report',
      'initiative',
      initiativeId,
      grant.workspaceId,
    );
    return repo.listPeaceIndicators(trx, initiativeId, { area: report.area, month: report.month });
  });
}

// --- resources ---

export function listFunders(ctx: ServiceContext, workspaceId: string): Promise<Funder[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'funding.details', { workspaceId });
    return repo.listFunders(trx, workspaceId);
  });
}

export function createFunder(ctx: ServiceContext, workspaceId: string, name: string): Promise<Funder> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'funding.write', { workspaceId });
    const funder = await repo.createFunder(trx, workspaceId, name);
    await audit(trx, ctx.keys, ctx.auth, 'funder.create', 'funder', funder.id, grant.workspaceId);
    return funder;
  });
}

/**
 * An initiative's resources: every reader of funding sees the gap per currency and the budget lines (the
 * needs); only those holding funding.details (not funders) see who pledged what and each disbursement.
 */
export function getResources(ctx: ServiceContext, initiativeId: string): Promise<Resources> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'funding.read', { initiativeId });
    const details = grants(grant, 'funding.details');
    const lines = await repo.listBudgetLines(trx, [initiativeId]);
    const pledges = await repo.listPledges(trx, [initiativeId]);
    return {
      initiative_id: initiativeId,
      details,
      budget_lines: lines,
      pledges: details ? pledges : [],
      disbursements: details ? await repo.listDisbursements(trx, [initiativeId]) : [],
      gap: fundingGap(lines, pledges),
    };
  });
}

/** The gap of a conflict: over its initiatives whose funding the caller may read, per currency. */
export function conflictFundingGap(ctx: ServiceContext, conflictId: string): Promise<FundingGap> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'funding.read', { conflictId });
    const visible = await listVisibleInitiatives(trx, ctx.auth, { workspaceId: grant.workspaceId });
    const ids = visible
      .filter((v) => v.conflictId === conflictId && grants(v, 'funding.read'))
      .map((v) => v.id)
      .sort();
    const lines = await repo.listBudgetLines(trx, ids);
    const pledges = await repo.listPledges(trx, ids);
    return { initiative_ids: ids, currencies: fundingGap(lines, pledges) };
  });
}

export function addBudgetLine(
  ctx: ServiceContext,
  initiativeId: string,
  input: { label: string; currency: string; amount: number },
): Promise<BudgetLine> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'funding.write', { initiativeId });
    const line = await repo.createBudgetLine(trx, initiativeId, input);
    await audit(trx, ctx.keys, ctx.auth, 'budget_line.create', 'budget_line', line.id, grant.workspaceId);
    return line;
  });
}

export function deleteBudgetLine(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'funding.write', { budgetLineId: id });
    await repo.deleteBudgetLine(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'budget_line.delete', 'budget_line', id, grant.workspaceId);
  });
}

export function addPledge(
  ctx: ServiceContext,
  initiativeId: string,
  input: { funder_id: string; currency: string; amount: number; pledged_on: string; note: string },
): Promise<Pledge> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'funding.write', { initiativeId });
    if (!(await repo.funderInWorkspace(trx, input.funder_id, grant.workspaceId)))
      throw invalid({ field: 'funder_id', reason: 'not a funder of this workspace' });
    const pledge = await repo.createPledge(trx, initiativeId, input);
    await audit(trx, ctx.keys, ctx.auth, 'pledge.create', 'pledge', pledge.id, grant.workspaceId);
    return pledge;
  });
}

export function deletePledge(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'funding.write', { pledgeId: id });
    await repo.deletePledge(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'pledge.delete', 'pledge', id, grant.workspaceId);
  });
}

/** A payment against a pledge: never more, in all, than was pledged. */
export function addDisbursement(
  ctx: ServiceContext,
  pledgeId: string,
  input: { amount: number; disbursed_on: string },
): Promise<Disbursement> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'funding.write', { pledgeId });
    const pledge = must(await repo.getPledge(trx, pledgeId), 'pledge');
    if (Math.round((pledge.disbursed + input.amount) * 100) > Math.round(pledge.amount * 100))
      throw new TrackTwoError('TT_ERR_OVER_DISBURSED', {
        field: 'amount',
        pledged: pledge.amount,
        disbursed: pledge.disbursed,
      });
    const row = await repo.createDisbursement(trx, pledgeId, input);
    await audit(trx, ctx.keys, ctx.auth, 'disbursement.create', 'disbursement', row.id, grant.workspaceId);
    return row;
  });
}
