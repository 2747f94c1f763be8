import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import { customInstrument, findInstrument, type Instrument } from '../../domain/instruments.js';
import type {
  Survey,
  SurveyCreate,
  SurveyInstrumentChoice,
  SurveyPatch,
  SurveyRespondent,
  SurveyRespondentCreate,
  SurveyWave,
  SurveyWaveCreate,
  SurveyWavePatch,
} from '../../domain/survey.js';
import { getActorsByIds } from '../../store/repositories/actors.js';
import { getInitiative } from '../../store/repositories/initiatives.js';
import { getMeeting } from '../../store/repositories/meetings.js';
import * as repo from '../../store/repositories/surveys.js';
import { newId, nowIso } from '../../store/ids.js';
import type { Database } from '../../store/schema.js';
import { audit, must, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import type { SurveyDetail, RespondentStatus } from '../../domain/survey-results.js';

/**
 * Surveys of an initiative, their waves and respondents. Managing them needs `surveys.manage`;
 * reading a survey's definition needs `evidence.read` (the answers are never listed one by one).
 */

/** Library instruments by id, custom ones validated by the library's own schema. */
export function resolveInstruments(choices: readonly SurveyInstrumentChoice[]): Instrument[] {
  const resolved = choices.map((choice, index) => {
    if ('library' in choice) {
      const found = findInstrument(choice.library);
      if (!found) {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: `instruments.${index}.library`,
          reason: `no instrument "${choice.library}" in the library`,
        });
      }
      return found;
    }
    try {
      return customInstrument(choice.custom as Parameters<typeof customInstrument>[0]);
    } catch (error) {
      const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: `instruments.${index}.custom${issue ? '.' + issue.path.map(String).join('.') : ''}`,
        reason: issue?.message ?? 'not a valid instrument',
      });
    }
  });
  const ids = new Set<string>();
  resolved.forEach((instrument, index) => {
    if (ids.has(instrument.id)) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: `instruments.${index}`,
        reason: `instrument "${instrument.id}" is chosen twice`,
      });
    }
    ids.add(instrument.id);
  });
  return resolved;
}

export async function surveyOrNotFound(trx: Kysely<Database>, surveyId: string): Promise<Survey> {
  return must(await repo.getSurvey(trx, surveyId), 'survey');
}

export type { SurveyDetail };

export function createSurvey(ctx: ServiceContext, input: SurveyCreate): Promise<SurveyDetail> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', {
      initiativeId: input.initiative_id,
    });
    const at = nowIso();
    const survey = await repo.insertSurvey(trx, {
      id: newId(),
      workspace_id: grant.workspaceId,
      initiative_id: input.initiative_id,
      title: input.title,
      instruments: resolveInstruments(input.instruments),
      out_groups: input.out_groups,
      languages: input.languages,
      created_at: at,
      updated_at: at,
    });
    await audit(trx, ctx.keys, ctx.auth, 'survey.create', 'survey', survey.id, grant.workspaceId);
    return { ...survey, waves: [] };
  });
}

export function listSurveys(ctx: ServiceContext, initiativeId: string): Promise<Survey[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'evidence.read', { initiativeId });
    return repo.listSurveys(trx, { initiativeIds: [initiativeId] });
  });
}

export function getSurvey(ctx: ServiceContext, surveyId: string): Promise<SurveyDetail> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'evidence.read', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    return { ...survey, waves: await repo.listWaves(trx, surveyId) };
  });
}

export function updateSurvey(
  ctx: ServiceContext,
  surveyId: string,
  changes: SurveyPatch,
): Promise<SurveyDetail> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    if (changes.instruments || changes.out_groups) {
      // Changing what was asked would silently make earlier answers mean something else.
      if ((await repo.listResponses(trx, surveyId)).length > 0) {
        throw new TrackTwoError('TT_ERR_SURVEY_HAS_RESPONSES', {
          field: changes.instruments ? 'instruments' : 'out_groups',
        });
      }
    }
    const updated = must(
      await repo.updateSurvey(
        trx,
        surveyId,
        {
          title: changes.title,
          instruments: changes.instruments ? resolveInstruments(changes.instruments) : undefined,
          out_groups: changes.out_groups,
          languages: changes.languages,
        },
        nowIso(),
      ),
      'survey',
    );
    await audit(trx, ctx.keys, ctx.auth, 'survey.update', 'survey', surveyId, grant.workspaceId);
    return { ...updated, waves: await repo.listWaves(trx, surveyId) };
  });
}

export function deleteSurvey(ctx: ServiceContext, surveyId: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    await repo.deleteSurvey(trx, surveyId);
    await audit(trx, ctx.keys, ctx.auth, 'survey.delete', 'survey', surveyId, grant.workspaceId);
  });
}

async function checkMeetingOfInitiative(
  trx: Kysely<Database>,
  meetingId: string | null | undefined,
  initiativeId: string,
): Promise<void> {
  if (!meetingId) return;
  const meeting = await getMeeting(trx, meetingId);
  if (!meeting || meeting.initiative_id !== initiativeId) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'after_meeting_id',
      reason: 'not a meeting of the survey’s initiative',
    });
  }
}

export function addWave(ctx: ServiceContext, surveyId: string, input: SurveyWaveCreate): Promise<SurveyWave> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    await checkMeetingOfInitiative(trx, input.after_meeting_id, survey.initiative_id);
    const wave = await repo.insertWave(trx, {
      id: newId(),
      survey_id: surveyId,
      kind: input.kind,
      opens_on: input.opens_on,
      closes_on: input.closes_on,
      after_meeting_id: input.after_meeting_id,
      created_at: nowIso(),
    });
    await audit(trx, ctx.keys, ctx.auth, 'survey_wave.create', 'survey_wave', wave.id, grant.workspaceId);
    return wave;
  });
}

export function updateWave(
  ctx: ServiceContext,
  surveyId: string,
  waveId: string,
  changes: SurveyWavePatch,
): Promise<SurveyWave> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    const wave = await repo.getWave(trx, waveId);
    if (!wave || wave.survey_id !== surveyId) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'wave' });
    const opens = changes.opens_on ?? wave.opens_on;
    const closes = changes.closes_on ?? wave.closes_on;
    if (opens > closes) {
      throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'closes_on', reason: 'before opens_on' });
    }
    await checkMeetingOfInitiative(trx, changes.after_meeting_id, survey.initiative_id);
    const updated = must(await repo.updateWave(trx, waveId, changes), 'wave');
    await audit(trx, ctx.keys, ctx.auth, 'survey_wave.update', 'survey_wave', waveId, grant.workspaceId);
    return updated;
  });
}

/**
 * Deletes a wave nobody has answered yet (its unused answer links go with it); a wave with answers stays,
 * since deleting it would lose what respondents gave.
 */
export function deleteWave(ctx: ServiceContext, surveyId: string, waveId: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    await surveyOrNotFound(trx, surveyId);
    const wave = await repo.getWave(trx, waveId);
    if (!wave || wave.survey_id !== surveyId) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'wave' });
    if (await repo.waveHasResponses(trx, waveId)) {
      throw new TrackTwoError('TT_ERR_SURVEY_WAVE_HAS_RESPONSES', { field: 'wave' });
    }
    await repo.deleteWave(trx, waveId);
    await audit(trx, ctx.keys, ctx.auth, 'survey_wave.delete', 'survey_wave', waveId, grant.workspaceId);
  });
}

/**
 * Adds respondents: participants by their actor (who must belong to the initiative's conflict; the
 * survey shows their pseudonym, never a name) and comparison respondents by a pseudonym alone.
 */
export async function insertRespondentsOf(
  trx: Kysely<Database>,
  survey: Survey,
  inputs: readonly SurveyRespondentCreate[],
): Promise<SurveyRespondent[]> {
  const initiative = must(await getInitiative(trx, survey.initiative_id), 'initiative');
  const actorIds = inputs.flatMap((input) => (input.arm === 'participant' ? [input.actor_id] : []));
  const actors = new Map((await getActorsByIds(trx, actorIds)).map((actor) => [actor.id, actor]));
  const at = nowIso();
  const rows = inputs.map((input, index): SurveyRespondent => {
    if (input.arm === 'participant') {
      const actor = actors.get(input.actor_id);
      if (!actor || actor.conflict_id !== initiative.conflict_id || actor.erased_at) {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: `respondents.${index}.actor_id`,
          reason: 'not a (living) actor of the initiative’s conflict',
        });
      }
      return {
        id: newId(),
        survey_id: survey.id,
        arm: 'participant',
        actor_id: actor.id,
        pseudonym: actor.pseudonym,
        side: null,
        gender: null,
        created_at: at,
      };
    }
    return {
      id: newId(),
      survey_id: survey.id,
      arm: 'comparison',
      actor_id: null,
      pseudonym: input.pseudonym,
      side: input.side,
      gender: input.gender,
      created_at: at,
    };
  });
  await repo.insertRespondents(trx, rows);
  return rows;
}

export function addRespondents(
  ctx: ServiceContext,
  surveyId: string,
  inputs: readonly SurveyRespondentCreate[],
): Promise<SurveyRespondent[]> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    const rows = await insertRespondentsOf(trx, survey, inputs);
    for (const row of rows) {
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'survey_respondent.create',
        'survey_respondent',
        row.id,
        grant.workspaceId,
      );
    }
    return rows;
  });
}

export type { RespondentStatus };

export function listRespondents(ctx: ServiceContext, surveyId: string): Promise<RespondentStatus[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const waves = new Map((await repo.listWaves(trx, surveyId)).map((wave) => [wave.id, wave.kind]));
    const answered = new Map<string, string[]>();
    for (const response of await repo.listResponses(trx, surveyId)) {
      const list = answered.get(response.respondent_id) ?? [];
      list.push(waves.get(response.wave_id) ?? response.wave_id);
      answered.set(response.respondent_id, list);
    }
    return (await repo.listRespondents(trx, surveyId)).map((respondent) => ({
      ...respondent,
      answered: (answered.get(respondent.id) ?? []).sort(),
    }));
  });
}
