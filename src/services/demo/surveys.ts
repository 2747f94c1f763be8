import type { Kysely } from 'kysely';
import { findInstrument, type Instrument } from '../../domain/instruments.js';
import { generateDemoSurveys } from '../../domain/demo/surveys.js';
import type { SurveyRespondent } from '../../domain/survey.js';
import type { WorkspaceDocument } from '../../interchange/workspace-json-schema.js';
import type { Auth } from '../../security/auth.js';
import type { VaultKeys } from '../../security/vault.js';
import { getActorsByIds } from '../../store/repositories/actors.js';
import * as repo from '../../store/repositories/surveys.js';
import { newId, nowIso } from '../../store/ids.js';
import type { Database } from '../../store/schema.js';
import { audit } from '../common.js';
import { storeAnswers } from '../surveys/responses.js';

/**
 * Writes the demo's surveys (see src/domain/demo/surveys.ts) into the loader's transaction: surveys,
 * waves, respondents and sealed answers, each audited as the system. `ids` maps the document's ids to
 * the store's.
 */
export async function writeDemoSurveys(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth,
  doc: WorkspaceDocument,
  ids: Readonly<Record<string, string>>,
  workspaceId: string,
): Promise<string[]> {
  const instruments = ['feeling-thermometer', 'outgroup-trust'].map((id) => findInstrument(id) as Instrument);
  const surveyIds: string[] = [];
  for (const plan of generateDemoSurveys(doc)) {
    const at = nowIso();
    const survey = await repo.insertSurvey(trx, {
      id: newId(),
      workspace_id: workspaceId,
      initiative_id: ids[plan.initiative_id],
      title: plan.title,
      instruments,
      out_groups: plan.out_groups,
      languages: ['en', 'fr'],
      created_at: at,
      updated_at: at,
    });
    await audit(trx, keys, auth, 'survey.create', 'survey', survey.id, workspaceId);
    const waves = new Map<string, Awaited<ReturnType<typeof repo.insertWave>>>();
    for (const w of plan.waves) {
      const wave = await repo.insertWave(trx, {
        id: newId(),
        survey_id: survey.id,
        kind: w.kind,
        opens_on: w.opens_on,
        closes_on: w.closes_on,
        after_meeting_id: w.after_meeting_id ? ids[w.after_meeting_id] : null,
        created_at: at,
      });
      waves.set(w.kind, wave);
      await audit(trx, keys, auth, 'survey_wave.create', 'survey_wave', wave.id, workspaceId);
    }
    const actorIds = plan.respondents.flatMap((r) => (r.actor_id ? [ids[r.actor_id]] : []));
    const pseudonyms = new Map((await getActorsByIds(trx, actorIds)).map((a) => [a.id, a.pseudonym]));
    const respondentIds = new Map<string, string>();
    const rows: SurveyRespondent[] = plan.respondents.map((r) => {
      const id = newId();
      respondentIds.set(r.key, id);
      const actorId = r.actor_id ? ids[r.actor_id] : null;
      return {
        id,
        survey_id: survey.id,
        arm: r.arm,
        actor_id: actorId,
        pseudonym: actorId ? (pseudonyms.get(actorId) as string) : (r.pseudonym as string),
        side: r.arm === 'comparison' ? r.side : null,
        gender: r.arm === 'comparison' ? r.gender : null,
        created_at: at,
      };
    });
    await repo.insertRespondents(trx, rows);
    await audit(trx, keys, auth, 'survey_respondent.create', 'survey', survey.id, workspaceId);
    for (const answer of plan.answers) {
      const wave = waves.get(answer.wave)!;
      await storeAnswers(trx, keys, survey, wave, respondentIds.get(answer.respondent)!, {
        language: answer.language,
        answers: answer.answers,
        enteredBy: 'facilitator',
        at: `${wave.closes_on}T12:00:00.000Z`,
      });
    }
    await audit(trx, keys, auth, 'survey_response.import', 'survey', survey.id, workspaceId);
    surveyIds.push(survey.id);
  }
  return surveyIds;
}
