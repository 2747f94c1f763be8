import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import type { Instrument } from '../../domain/instruments.js';
import type { ExternalEffect, ExternalEffectCreate, Survey } from '../../domain/survey.js';
import { forestPlotSvg } from '../../evaluation/forest-plot.js';
import { metaAnalysis, type MetaAnalysisResult, type MetaMethod } from '../../evaluation/meta-analysis.js';
import { surveyEffects, type Wave } from '../../evaluation/wave-effects.js';
import type { EvidenceMeta, PooledStudy } from '../../domain/evidence-meta.js';
import { snakeKeys } from '../../domain/snake-case.js';
import type { InstrumentEffects, SurveyEffects } from '../../domain/survey-effects.js';
import { listVisibleInitiatives } from '../../security/access.js';
import type { Auth } from '../../security/auth.js';
import { getInitiative } from '../../store/repositories/initiatives.js';
import * as repo from '../../store/repositories/surveys.js';
import { newId, nowIso } from '../../store/ids.js';
import type { Database } from '../../store/schema.js';
import { audit, must, requireAccess, grants } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { surveyOrNotFound } from '../surveys/surveys.js';
import { scoreSurvey } from '../surveys/scores.js';

/**
 * The evidence a convener, researcher or funder reads: aggregates only (`evidence.read`). Effects
 * per survey and instrument from the evaluation core's surveyEffects; meta-analysis across the
 * initiatives of a workspace the account may read, with external studies a researcher entered; the
 * forest plot of that pooling.
 */

/** Instruments on which a higher score means more prejudice: their effects are turned round to pool. */
export function improvementSign(instrument: Instrument): 1 | -1 {
  const worse =
    instrument.scoring.higherMeans === 'more_distance' || instrument.scoring.higherMeans === 'more_anxiety';
  return worse ? -1 : 1;
}

export type { InstrumentEffects, SurveyEffects };

export interface EffectsOptions {
  from?: Wave;
  to?: Wave;
}

async function effectsOf(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  survey: Survey,
  options: EffectsOptions,
): Promise<SurveyEffects> {
  const from = options.from ?? 'baseline';
  const to = options.to ?? 'post';
  if (from === to)
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'to', reason: 'choose two different waves' });
  const scored = await scoreSurvey(trx, ctx.keys, survey);
  return {
    survey_id: survey.id,
    initiative_id: survey.initiative_id,
    title: survey.title,
    from,
    to,
    instruments: survey.instruments.map((instrument) => ({
      instrument_id: instrument.id,
      kind: instrument.kind,
      name: instrument.name.en,
      higher_means: instrument.scoring.higherMeans,
      improvement_sign: improvementSign(instrument),
      report: snakeKeys(surveyEffects(scored.scores.get(instrument.id) ?? [], { from, to })),
    })),
  };
}

export function surveyEffectsOf(
  ctx: ServiceContext,
  surveyId: string,
  options: EffectsOptions = {},
): Promise<SurveyEffects> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'evidence.read', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    return effectsOf(trx, ctx, survey, options);
  });
}

export function initiativeSurveyEffects(
  ctx: ServiceContext,
  initiativeId: string,
  options: EffectsOptions = {},
): Promise<SurveyEffects[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'evidence.read', { initiativeId });
    const surveys = await repo.listSurveys(trx, { initiativeIds: [initiativeId] });
    const results: SurveyEffects[] = [];
    for (const survey of surveys) results.push(await effectsOf(trx, ctx, survey, options));
    return results;
  });
}

/** The initiatives of a workspace whose evidence the account may read (administrators: all). */
export async function evidenceInitiatives(
  trx: Kysely<Database>,
  auth: Auth | null,
  workspaceId: string,
  permission: 'evidence.read' | 'export.research' = 'evidence.read',
): Promise<string[]> {
  await requireAccess(trx, auth, permission, { workspaceId });
  return (await listVisibleInitiatives(trx, auth, { workspaceId }))
    .filter((initiative) => grants(initiative, permission))
    .map((initiative) => initiative.id);
}

export interface MetaOptions extends EffectsOptions {
  /** Pool the effects on this instrument (default the feeling thermometer). */
  instrument?: string;
  method?: MetaMethod;
  /** Add the workspace's external studies of the same kind of instrument (default true). */
  external?: boolean;
}

export type { EvidenceMeta, PooledStudy };

async function gatherStudies(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  workspaceId: string,
  options: MetaOptions,
): Promise<Omit<EvidenceMeta, 'result'>> {
  const instrumentId = options.instrument ?? 'feeling-thermometer';
  const from = options.from ?? 'baseline';
  const to = options.to ?? 'post';
  const initiativeIds = await evidenceInitiatives(trx, ctx.auth, workspaceId);
  const surveys = await repo.listSurveys(trx, { initiativeIds, workspaceId });
  const studies: PooledStudy[] = [];
  const leftOut: EvidenceMeta['left_out'] = [];
  let kind: string | null = null;
  for (const survey of surveys) {
    const instrument = survey.instruments.find((i) => i.id === instrumentId);
    if (!instrument) continue;
    kind = instrument.kind;
    const effects = await effectsOf(trx, ctx, survey, { from, to });
    const overall = effects.instruments.find((i) => i.instrument_id === instrumentId)!.report.overall;
    const initiative = await getInitiative(trx, survey.initiative_id);
    if (!overall.primary || !(overall.primary.se > 0)) {
      leftOut.push({
        survey_id: survey.id,
        initiative_id: survey.initiative_id,
        reason: overall.notes.join('; ') || 'no respondent answered both waves',
      });
      continue;
    }
    const sign = improvementSign(instrument);
    const initiativeName = initiative?.name ?? survey.initiative_id;
    studies.push({
      // A survey titled after its initiative already names it; saying it twice only crowds the forest plot.
      label: survey.title.startsWith(initiativeName) ? survey.title : `${initiativeName}: ${survey.title}`,
      effect: sign * overall.primary.estimate,
      variance: overall.primary.se ** 2,
      source: 'initiative',
      initiative_id: survey.initiative_id,
      survey_id: survey.id,
      kind: overall.primary.kind,
      n: overall.participants.n + overall.comparison.n,
    });
  }
  if (options.external ?? true) {
    for (const external of await repo.listExternalEffects(trx, workspaceId)) {
      if (external.instrument_kind !== null && kind !== null && external.instrument_kind !== kind) continue;
      studies.push({
        label: external.label,
        effect: external.effect,
        variance: external.variance,
        source: 'external',
        initiative_id: null,
        survey_id: null,
        kind: 'external',
        n: null,
      });
    }
  }
  return {
    workspace_id: workspaceId,
    instrument: instrumentId,
    from,
    to,
    orientation: 'positive_is_improvement',
    studies,
    left_out: leftOut,
  };
}

function pool(studies: readonly PooledStudy[], method: MetaMethod): MetaAnalysisResult {
  if (studies.length < (method === 'fe' ? 1 : 2)) {
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'studies',
      reason: `k = ${studies.length}: ${method} needs at least ${method === 'fe' ? 1 : 2} effects (initiatives with two answered waves, or external studies)`,
    });
  }
  return metaAnalysis(studies, { method });
}

export function evidenceMeta(
  ctx: ServiceContext,
  workspaceId: string,
  options: MetaOptions = {},
): Promise<EvidenceMeta> {
  return inTransaction(ctx, async (trx) => {
    const gathered = await gatherStudies(trx, ctx, workspaceId, options);
    return { ...gathered, result: snakeKeys(pool(gathered.studies, options.method ?? 'reml')) };
  });
}

/** The studies the meta-analysis and forest plot of these options would pool, left unpooled. */
export function evidenceStudies(
  ctx: ServiceContext,
  workspaceId: string,
  options: MetaOptions = {},
): Promise<Omit<EvidenceMeta, 'result'>> {
  return inTransaction(ctx, (trx) => gatherStudies(trx, ctx, workspaceId, options));
}

export function evidenceForestSvg(
  ctx: ServiceContext,
  workspaceId: string,
  options: MetaOptions = {},
): Promise<string> {
  return inTransaction(ctx, async (trx) => {
    const gathered = await gatherStudies(trx, ctx, workspaceId, options);
    const result = pool(gathered.studies, options.method ?? 'reml');
    return forestPlotSvg(gathered.studies, result, {
      title: `Contact effects on ${gathered.instrument} (${gathered.from} to ${gathered.to}), ${result.method.toUpperCase()}`,
      effectLabel: 'Standardised change (positive = less prejudice)',
    });
  });
}

export function listExternalEffects(ctx: ServiceContext, workspaceId: string): Promise<ExternalEffect[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'evidence.read', { workspaceId });
    return repo.listExternalEffects(trx, workspaceId);
  });
}

/** A researcher (or convener) enters a published study's effect; `export.research` is the right to add data. */
export function addExternalEffect(
  ctx: ServiceContext,
  workspaceId: string,
  input: ExternalEffectCreate,
): Promise<ExternalEffect> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'export.research', { workspaceId });
    const effect = await repo.insertExternalEffect(trx, {
      id: newId(),
      workspace_id: workspaceId,
      ...input,
      created_at: nowIso(),
    });
    await audit(trx, ctx.keys, ctx.auth, 'external_effect.create', 'external_effect', effect.id, workspaceId);
    return effect;
  });
}

export function deleteExternalEffect(ctx: ServiceContext, workspaceId: string, id: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'export.research', { workspaceId });
    must((await repo.deleteExternalEffect(trx, workspaceId, id)) || undefined, 'external effect');
    await audit(trx, ctx.keys, ctx.auth, 'external_effect.delete', 'external_effect', id, workspaceId);
  });
}
