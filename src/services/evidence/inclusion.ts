import {
  inclusionShares,
  trackOneBaseline,
  womenInclusion,
  type AttendanceRecord,
  type InclusionPeriod,
} from '../../evaluation/inclusion.js';
import type { InclusionReport, InitiativeInclusion } from '../../domain/inclusion-report.js';
import { snakeKeys } from '../../domain/snake-case.js';
import { listVisibleInitiatives } from '../../security/access.js';
import { getInitiative } from '../../store/repositories/initiatives.js';
import * as repo from '../../store/repositories/surveys.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { must, requireAccess, grants } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/**
 * Who takes part: women's share (and each side's, role's and track's) among the attendees of held
 * meetings, per meeting, initiative and conflict over time, beside the Track-I baseline, with a
 * warning wherever a meeting or period falls below its initiative's target. Counts of people, never
 * who they are (`evidence.read`).
 */

export type { InclusionReport, InitiativeInclusion };

async function recordsOf(
  trx: Kysely<Database>,
  initiativeIds: readonly string[],
): Promise<AttendanceRecord[]> {
  const facts = await repo.attendanceFacts(trx, { initiativeIds });
  const sides = await repo.sidesOfActors(
    trx,
    facts.map((fact) => fact.actor_id),
  );
  return facts.map((fact) => ({
    meetingId: fact.meeting_id,
    initiativeId: fact.initiative_id,
    conflictId: fact.conflict_id,
    date: fact.held_on,
    actorId: fact.actor_id,
    gender: fact.gender,
    side: sides.get(fact.actor_id) ?? null,
    role: fact.role,
    track: fact.track,
  }));
}

async function buildReport(
  trx: Kysely<Database>,
  scope: InclusionReport['scope'],
  initiativeIds: readonly string[],
  period: InclusionPeriod,
): Promise<InclusionReport> {
  const records = await recordsOf(trx, initiativeIds);
  const initiatives: InitiativeInclusion[] = [];
  const warnings: InclusionReport['warnings'] = [];
  for (const id of initiativeIds) {
    const initiative = must(await getInitiative(trx, id), 'initiative');
    const own = records.filter((r) => r.initiativeId === id);
    const target = initiative.inclusion_target_women;
    const meetings = womenInclusion(own, { unit: 'meeting', target });
    const overTime = womenInclusion(own, { unit: 'initiative', period, target });
    initiatives.push({
      initiative_id: id,
      target,
      meetings: snakeKeys(meetings),
      over_time: snakeKeys(overTime),
    });
    for (const w of meetings.warnings)
      warnings.push({
        level: 'meeting',
        unit_id: w.unitId,
        period: w.period,
        share: w.share,
        target: w.target,
        message: w.message,
      });
    for (const w of overTime.warnings)
      warnings.push({
        level: 'initiative',
        unit_id: w.unitId,
        period: w.period,
        share: w.share,
        target: w.target,
        message: w.message,
      });
  }
  const unit = 'conflict_id' in scope ? 'conflict' : 'initiative';
  return {
    scope,
    period,
    baseline: trackOneBaseline,
    initiatives,
    conflict:
      'conflict_id' in scope ? snakeKeys(womenInclusion(records, { unit: 'conflict', period })) : null,
    breakdown: snakeKeys({
      side: inclusionShares(records, { unit, dimension: 'side', period }),
      role: inclusionShares(records, { unit, dimension: 'role', period }),
      track: inclusionShares(records, { unit, dimension: 'track', period }),
    }),
    warnings,
  };
}

export function initiativeInclusion(
  ctx: ServiceContext,
  initiativeId: string,
  period: InclusionPeriod = 'year',
): Promise<InclusionReport> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'evidence.read', { initiativeId });
    return buildReport(trx, { initiative_id: initiativeId }, [initiativeId], period);
  });
}

/** A conflict's inclusion over the initiatives whose evidence the account may read. */
export function conflictInclusion(
  ctx: ServiceContext,
  conflictId: string,
  period: InclusionPeriod = 'year',
): Promise<InclusionReport> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'evidence.read', { conflictId });
    const ids = (await listVisibleInitiatives(trx, ctx.auth, { workspaceId: grant.workspaceId }))
      .filter((i) => i.conflictId === conflictId && grants(i, 'evidence.read'))
      .map((i) => i.id);
    return buildReport(trx, { conflict_id: conflictId }, ids, period);
  });
}
