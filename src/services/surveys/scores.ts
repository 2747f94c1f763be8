import type { Kysely } from 'kysely';
import type { Instrument } from '../../domain/instruments.js';
import type { Survey, SurveyAnswer, SurveyRespondent, SurveyWave } from '../../domain/survey.js';
import { scoreInstrument } from '../../evaluation/scoring.js';
import type { WaveScore } from '../../evaluation/wave-effects.js';
import type { VaultKeys } from '../../security/vault.js';
import { getActorsByIds } from '../../store/repositories/actors.js';
import * as repo from '../../store/repositories/surveys.js';
import type { Database } from '../../store/schema.js';
import { openAnswers } from './responses.js';

/**
 * From sealed answers to the scores the evaluation core takes: each instrument scored per out-group
 * by the core's rules (reverse items turned round, too few answers give no score), a respondent's
 * score the mean over the out-groups scored; with the attributes effects are split by (side, gender,
 * role, the ground rule of the meetings attended) and the dose (meetings of the initiative attended
 * up to the wave's close). Opened in memory only; nothing leaves but the scores.
 */

export interface ScoredSurvey {
  survey: Survey;
  waves: SurveyWave[];
  respondents: SurveyRespondent[];
  /** Scores by instrument id. */
  scores: Map<string, WaveScore[]>;
}

/** A respondent's score on one instrument: the mean of their per-out-group scores. */
export function respondentScore(instrument: Instrument, answers: readonly SurveyAnswer[]): number | null {
  const byOutGroup = new Map<string, Record<string, number | null>>();
  for (const answer of answers) {
    if (answer.instrument !== instrument.id) continue;
    const key = answer.out_group ?? '';
    const sheet = byOutGroup.get(key) ?? {};
    sheet[answer.item] = answer.value;
    byOutGroup.set(key, sheet);
  }
  const scores = [...byOutGroup.values()]
    .map((sheet) => scoreInstrument(instrument, sheet).score)
    .filter((score): score is number => score !== null);
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
}

export async function scoreSurvey(
  trx: Kysely<Database>,
  keys: VaultKeys,
  survey: Survey,
): Promise<ScoredSurvey> {
  const waves = await repo.listWaves(trx, survey.id);
  const respondents = await repo.listRespondents(trx, survey.id);
  const responses = await repo.listResponses(trx, survey.id);
  const actorIds = respondents.flatMap((r) => (r.actor_id ? [r.actor_id] : []));
  const actors = new Map((await getActorsByIds(trx, actorIds)).map((actor) => [actor.id, actor]));
  const sides = await repo.sidesOfActors(trx, actorIds);
  const attendance = await repo.attendanceFacts(trx, { initiativeIds: [survey.initiative_id] });
  const attendedBy = new Map<string, { held_on: string; ground_rule: string; meeting_id: string }[]>();
  for (const fact of attendance) {
    const list = attendedBy.get(fact.actor_id) ?? [];
    list.push(fact);
    attendedBy.set(fact.actor_id, list);
  }
  const waveById = new Map(waves.map((wave) => [wave.id, wave]));
  const respondentById = new Map(respondents.map((r) => [r.id, r]));
  const scores = new Map<string, WaveScore[]>(survey.instruments.map((instrument) => [instrument.id, []]));

  for (const response of responses) {
    const wave = waveById.get(response.wave_id);
    const respondent = respondentById.get(response.respondent_id);
    if (!wave || !respondent) continue;
    const answers = await openAnswers(trx, keys, survey, response);
    const actor = respondent.actor_id ? actors.get(respondent.actor_id) : undefined;
    let attributes: Record<string, string | null>;
    let meetingsAttended: number | null = null;
    if (actor) {
      const attended = (attendedBy.get(actor.id) ?? []).filter((fact) => fact.held_on <= wave.closes_on);
      const rules = [...new Set(attended.map((fact) => fact.ground_rule))];
      meetingsAttended = new Set(attended.map((fact) => fact.meeting_id)).size;
      attributes = {
        side: sides.get(actor.id) ?? null,
        gender: actor.gender,
        role: actor.role,
        groundRule: rules.length === 0 ? null : rules.length === 1 ? rules[0] : 'mixed',
      };
    } else {
      attributes = { side: respondent.side, gender: respondent.gender, role: null, groundRule: null };
    }
    for (const instrument of survey.instruments) {
      scores.get(instrument.id)!.push({
        respondentId: respondent.id,
        wave: wave.kind,
        arm: respondent.arm,
        score: respondentScore(instrument, answers),
        attributes,
        meetingsAttended,
      });
    }
  }
  return { survey, waves, respondents, scores };
}
