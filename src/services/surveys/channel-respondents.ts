import { randomBytes } from 'node:crypto';
import type { SurveyRespondent } from '../../domain/survey.js';
import { newId, nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/surveys.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { waveOpenOn } from './join-links.js';
import { hashLinkToken } from './responses.js';
import { surveyOrNotFound } from './surveys.js';

/**
 * A survey answer link for someone answering by a phone channel (USSD): no account and no stored token.
 * The caller derives the token from the channel participant and the wave (`tokenFor`), so the same phone
 * finds the same link again; a later wave finds the same comparison respondent through an earlier wave's
 * derived link. The answers then go through answerByLink, the web answer page's own use case.
 */
export function channelSurveyLink(
  ctx: ServiceContext,
  surveyId: string,
  tokenFor: (waveId: string) => string,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<{ wave_id: string; token: string } | null> {
  return inTransaction(ctx, async (trx) => {
    const survey = await surveyOrNotFound(trx, surveyId);
    const waves = await repo.listWaves(trx, survey.id);
    const wave = waveOpenOn(waves, today);
    if (!wave) return null;
    const token = tokenFor(wave.id);
    const hash = hashLinkToken(token);
    const live = await repo.findLink(trx, hash);
    if (live && !live.revoked_at && live.survey_id === survey.id) return { wave_id: wave.id, token };
    let respondentId: string | null = live?.survey_id === survey.id ? live.respondent_id : null;
    for (const other of waves) {
      if (respondentId) break;
      const earlier = await repo.findLink(trx, hashLinkToken(tokenFor(other.id)));
      if (earlier && earlier.survey_id === survey.id) respondentId = earlier.respondent_id;
    }
    const at = nowIso();
    if (!respondentId) {
      const respondent: SurveyRespondent = {
        id: newId(),
        survey_id: survey.id,
        arm: 'comparison',
        actor_id: null,
        pseudonym: `U-${randomBytes(6)
          .toString('base64url')
          .replace(/[^A-Za-z0-9]/g, 'x')}`,
        side: null,
        gender: null,
        created_at: at,
      };
      await repo.insertRespondents(trx, [respondent]);
      respondentId = respondent.id;
    }
    if (live) await trx.deleteFrom('survey_links').where('token_hash', '=', hash).execute();
    await repo.revokeLinks(trx, wave.id, [respondentId], at);
    await repo.insertLinks(trx, [
      {
        token_hash: hash,
        survey_id: survey.id,
        wave_id: wave.id,
        respondent_id: respondentId,
        created_at: at,
        revoked_at: null,
        last_used_at: null,
      },
    ]);
    return { wave_id: wave.id, token };
  });
}
